//! The ranking benchmark: `cargo bench --bench ranking` (add `-- quality` or
//! `-- speed` for one half). Needs `../shared` beside the crate; uses
//! `python3` with `summa`, `sumy` and `rouge-score` when they import, and
//! says so when they do not.
//!
//! Quality: ROUGE-1/2/Lsum F1 (src/eval/rouge.rs) on BBC politics 001–300,
//! each summary as long as its reference in sentences, and policy coverage
//! of the top 3 sentences on the gold evidence (src/eval/ranking.rs), for
//! digest, lead-k and the Python peers (benches/peers.py) side by side.
//!
//! Speed: the release `digest` binary run as a user runs it, on one thread
//! (`RAYON_NUM_THREADS=1`) and on all cores: `summarize` over the 300 BBC
//! files and over a generated week of 10,000 articles (the BBC texts again
//! with new ids and dates), and a full `build` of that week; wall time,
//! articles/s, MB/s and the child's peak resident memory (getrusage via
//! wait4), next to `wc -w` over the same file.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use digest::eval::ranking::{
    GoldArticle, Summarized, coverage, load_bbc, load_gold, oracle_coverage, shared_dirs,
};
use digest::eval::rouge::{Rouge, rouge};
use digest::pipeline;
use digest::rank::RankOptions;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let want = |s: &str| args.is_empty() || args.iter().any(|a| a == s);
    let Some((eval, seeds)) = shared_dirs() else {
        eprintln!(
            "ranking bench: ../shared/eval and ../shared/seeds not found; nothing to measure"
        );
        return;
    };
    let bbc_dir = eval.join("bbc-politics");
    let bbc = load_bbc(&bbc_dir, 1..=300).unwrap_or_else(|e| panic!("{e}"));
    let gold = load_gold(&eval, &seeds).unwrap_or_else(|e| panic!("{e}"));
    let mut sumy_ms = None;
    if want("quality") {
        sumy_ms = quality(&bbc, &gold);
    }
    if want("speed") {
        speed(&bbc_dir, &bbc, sumy_ms);
    }
}

/// One method's picks: by BBC article name for the reference length, and
/// by gold article name for the top 3.
#[derive(Default)]
struct Picks {
    rouge: HashMap<String, Vec<usize>>,
    top3: HashMap<String, Vec<usize>>,
}

fn quality(bbc: &[Summarized], gold: &[GoldArticle]) -> Option<f64> {
    // `DIGEST_RANK='position = 0.3'` tries other weights (TOML, as in
    // digest.toml's [rank]); how the defaults were chosen is in src/rank.rs.
    let opts = pipeline::Options {
        rank: match std::env::var("DIGEST_RANK") {
            Ok(t) => toml::from_str(&t).unwrap_or_else(|e| panic!("DIGEST_RANK: {e}")),
            Err(_) => RankOptions::default(),
        },
        ..pipeline::Options::default()
    };
    let mut methods: Vec<(String, Picks)> = Vec::new();

    let mut lead = Picks::default();
    let mut ours = Picks::default();
    for a in bbc {
        lead.rouge
            .insert(a.name.clone(), (0..a.sentences).collect());
        ours.rouge.insert(
            a.name.clone(),
            pipeline::summarize(&a.doc, a.sentences, &opts),
        );
    }
    for g in gold {
        lead.top3.insert(g.name.clone(), (0..3).collect());
        ours.top3
            .insert(g.name.clone(), pipeline::summarize(&g.doc, 3, &opts));
    }
    if std::env::var_os("DIGEST_BENCH_SHOW").is_some() {
        show_misses(gold, &ours.top3);
    }
    methods.push(("digest".into(), ours));
    methods.push(("lead-k".into(), lead));
    let (peers, sumy_ms) = if std::env::var_os("DIGEST_BENCH_NO_PEERS").is_some() {
        (Vec::new(), None)
    } else {
        run_peers(bbc, gold)
    };
    methods.extend(peers);

    println!("## Quality");
    println!();
    println!(
        "ROUGE F1 (rouge-score's definition, stemmed) on BBC politics 001-300, summary length = reference length ({:.2} sentences on average); policy coverage = share of the {} gold measures and provisions (seeds + BBC gold, background excluded; one item per article that states it) with an evidence sentence among the article's top 3.",
        bbc.iter().map(|a| a.sentences).sum::<usize>() as f64 / bbc.len() as f64,
        coverage(gold, &vec![Vec::new(); gold.len()]).1,
    );
    println!();
    println!("| method | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | coverage@3 |");
    println!("|---|---:|---:|---:|---:|");
    for (name, p) in &methods {
        let r = mean_rouge(bbc, &p.rouge);
        let cov = if p.top3.len() == gold.len() {
            let picks: Vec<Vec<usize>> = gold.iter().map(|g| p.top3[&g.name].clone()).collect();
            let (hit, all) = coverage(gold, &picks);
            format!("{:.3} ({hit}/{all})", hit as f64 / all as f64)
        } else {
            "–".into()
        };
        println!(
            "| {name} | {:.1} | {:.1} | {:.1} | {cov} |",
            100.0 * r.r1.f1,
            100.0 * r.r2.f1,
            100.0 * r.lsum.f1
        );
    }
    let (hit, all) = oracle_coverage(gold);
    println!(
        "| best possible 3 | | | | {:.3} ({hit}/{all}) |",
        hit as f64 / all as f64
    );
    println!();
    if std::env::var_os("DIGEST_BENCH_NO_PEERS").is_none() {
        check_rouge_against_python(bbc, &methods[0].1.rouge);
    }
    sumy_ms
}

fn summary(doc: &digest::document::Document, picks: &[usize]) -> String {
    picks
        .iter()
        .map(|&i| doc.sentence(i))
        .collect::<Vec<_>>()
        .join("\n")
}

fn mean_rouge(bbc: &[Summarized], picks: &HashMap<String, Vec<usize>>) -> Rouge {
    let mut sum = Rouge::default();
    let mut n = 0.0;
    for a in bbc {
        let Some(p) = picks.get(&a.name) else {
            continue;
        };
        let r = rouge(&a.reference, &summary(&a.doc, p));
        sum.r1.f1 += r.r1.f1;
        sum.r2.f1 += r.r2.f1;
        sum.lsum.f1 += r.lsum.f1;
        n += 1.0;
    }
    let n: f64 = f64::max(n, 1.0);
    sum.r1.f1 /= n;
    sum.r2.f1 /= n;
    sum.lsum.f1 /= n;
    sum
}

fn python_has(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// summa and sumy through benches/peers.py, on digest's sentences; the
/// picks, and sumy's milliseconds per article.
fn run_peers(bbc: &[Summarized], gold: &[GoldArticle]) -> (Vec<(String, Picks)>, Option<f64>) {
    if !python_has("summa") && !python_has("sumy") {
        println!(
            "(summa and sumy not compared: `pip install summa sumy` and rerun to see them side by side)"
        );
        return (Vec::new(), None);
    }
    let mut input = String::new();
    let mut line = |name: String, doc: &digest::document::Document, k: Vec<usize>| {
        let sentences: Vec<&str> = doc.texts().collect();
        input.push_str(
            &serde_json::json!({"name": name, "sentences": sentences, "k": k}).to_string(),
        );
        input.push('\n');
    };
    for a in bbc {
        line(a.name.clone(), &a.doc, vec![a.sentences]);
    }
    for g in gold {
        line(g.name.clone(), &g.doc, vec![3]);
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peers.py");
    let out = python(&[script.as_os_str()], input);
    if !out.status.success() {
        println!("(peers.py failed: {}; peers not compared)", out.status);
        return (Vec::new(), None);
    }
    let mut by: HashMap<String, Picks> = HashMap::new();
    let mut sumy_ms = None;
    let is_gold: std::collections::HashSet<&str> = gold.iter().map(|g| g.name.as_str()).collect();
    for l in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("peers.py output");
        if let Some(t) = v.get("timing") {
            let n = v["articles"].as_f64().unwrap_or(1.0);
            sumy_ms = t["sumy"].as_f64().map(|s| 1000.0 * s / n);
            continue;
        }
        let name = v["name"].as_str().unwrap_or_default().to_string();
        let picks: Vec<usize> = v["picks"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_u64().map(|x| x as usize))
            .collect();
        let p = by
            .entry(v["method"].as_str().unwrap_or("?").to_string())
            .or_default();
        if is_gold.contains(name.as_str()) {
            p.top3.insert(name, picks);
        } else {
            p.rouge.insert(name, picks);
        }
    }
    let mut methods: Vec<(String, Picks)> = by.into_iter().collect();
    methods.sort_by(|a, b| a.0.cmp(&b.0));
    (methods, sumy_ms)
}

/// Scores digest's summaries with the Python package too and reports the
/// largest difference per pair and in the means.
/// Runs `python3 ARGS` with `input` on its stdin (written from a thread, so
/// a large input cannot deadlock against the child's output).
fn python(args: &[&std::ffi::OsStr], input: String) -> std::process::Output {
    let mut child = Command::new("python3")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("python3");
    let _ = writer.join();
    out
}

fn check_rouge_against_python(bbc: &[Summarized], picks: &HashMap<String, Vec<usize>>) {
    if !python_has("rouge_score") {
        println!(
            "(ROUGE not cross-checked: `pip install rouge-score` to compare with the Python package)"
        );
        return;
    }
    let mut input = String::new();
    let mut ours = Vec::new();
    for a in bbc {
        let cand = summary(&a.doc, &picks[&a.name]);
        let r = rouge(&a.reference, &cand);
        ours.push([r.r1.f1, r.r2.f1, r.lsum.f1]);
        input.push_str(&serde_json::json!([a.reference, cand]).to_string());
        input.push('\n');
    }
    let script = r#"
import json, sys
from rouge_score import rouge_scorer
sc = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
for line in sys.stdin:
    ref, cand = json.loads(line)
    s = sc.score(ref, cand)
    print(json.dumps([s[k].fmeasure for k in ("rouge1", "rouge2", "rougeLsum")]))
"#;
    let out = python(&["-c".as_ref(), script.as_ref()], input);
    let theirs: Vec<[f64; 3]> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    if theirs.len() != ours.len() {
        println!("(rouge-score cross-check failed: {} results)", theirs.len());
        return;
    }
    let mut max = [0.0f64; 3];
    let mut sum = [[0.0f64; 3]; 2];
    let mut differ = 0;
    for (o, t) in ours.iter().zip(&theirs) {
        let mut any = false;
        for k in 0..3 {
            let d = (o[k] - t[k]).abs();
            max[k] = max[k].max(d);
            sum[0][k] += o[k];
            sum[1][k] += t[k];
            any |= d > 1e-9;
        }
        differ += usize::from(any);
    }
    let n = ours.len() as f64;
    println!(
        "ROUGE cross-check against rouge-score on digest's {} summaries: means {:.3}/{:.3}/{:.3} here, {:.3}/{:.3}/{:.3} in Python; {differ} pairs differ at all, by at most {:.4}/{:.4}/{:.4} F1 points (R1/R2/Lsum; Porter2 here, NLTK Porter there).",
        ours.len(),
        100.0 * sum[0][0] / n,
        100.0 * sum[0][1] / n,
        100.0 * sum[0][2] / n,
        100.0 * sum[1][0] / n,
        100.0 * sum[1][1] / n,
        100.0 * sum[1][2] / n,
        100.0 * max[0],
        100.0 * max[1],
        100.0 * max[2],
    );
    println!();
}

/// How many articles the generated week holds.
const WEEK_ARTICLES: usize = 10_000;

fn speed(bbc_dir: &Path, bbc: &[Summarized], sumy_ms: Option<f64>) {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_digest"));
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("week.jsonl");
    let corpus_bytes = write_week(bbc_dir, &corpus);
    let files: Vec<PathBuf> = (1..=bbc.len())
        .map(|n| bbc_dir.join(format!("articles/{n:03}.txt")))
        .collect();
    let bbc_bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());

    println!("## Speed");
    println!();
    println!(
        "The release binary run as a user runs it; peak = the process's maximum resident set (getrusage). Generated week: the 300 BBC articles repeated to {WEEK_ARTICLES} with new ids and dates over 7 days, one JSON Lines file of {:.1} MB. {cores} cores.",
        mb(corpus_bytes)
    );
    println!();
    let wc = (0..3)
        .map(|_| run(Command::new("wc").arg("-w").arg(&corpus), dir.path(), None).0)
        .min()
        .expect("wc");
    let wc_bbc = (0..3)
        .map(|_| run(Command::new("wc").arg("-w").args(&files), dir.path(), None).0)
        .min()
        .expect("wc");
    println!(
        "| run | threads | articles | MB | seconds | articles/s | MB/s | peak MiB | × wc -w |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let row = |name: &str,
               threads: &str,
               articles: usize,
               bytes: u64,
               t: Duration,
               peak: u64,
               wc: Duration| {
        let s = t.as_secs_f64();
        println!(
            "| {name} | {threads} | {articles} | {:.1} | {s:.3} | {:.0} | {:.1} | {:.1} | {:.1} |",
            mb(bytes),
            articles as f64 / s,
            mb(bytes) / s,
            peak as f64 / 1024.0,
            s / wc.as_secs_f64()
        );
    };
    row(
        "wc -w (300 BBC files)",
        "1",
        files.len(),
        bbc_bytes,
        wc_bbc,
        0,
        wc_bbc,
    );
    row("wc -w (week)", "1", WEEK_ARTICLES, corpus_bytes, wc, 0, wc);
    let mut summarize_bbc = Duration::MAX;
    for threads in [Some(1), None] {
        let label = threads.map_or(cores.to_string(), |t| t.to_string());
        let (t, peak) = run(
            Command::new(&bin)
                .args(["summarize", "-n", "3"])
                .args(&files),
            dir.path(),
            threads,
        );
        summarize_bbc = summarize_bbc.min(t);
        row(
            "summarize (300 BBC files)",
            &label,
            files.len(),
            bbc_bytes,
            t,
            peak,
            wc_bbc,
        );
        let (t, peak) = run(
            Command::new(&bin)
                .args(["summarize", "-n", "3"])
                .arg(&corpus),
            dir.path(),
            threads,
        );
        row(
            "summarize (week)",
            &label,
            WEEK_ARTICLES,
            corpus_bytes,
            t,
            peak,
            wc,
        );
        let (t, peak) = run(
            Command::new(&bin)
                .args(["build", "--now", "2025-02-10T00:00:00Z", "--since", "7d"])
                .args(["--format", "json", "--out"])
                .arg(dir.path().join("week.json"))
                .arg("--input")
                .arg(&corpus),
            dir.path(),
            threads,
        );
        row(
            "build (week)",
            &label,
            WEEK_ARTICLES,
            corpus_bytes,
            t,
            peak,
            wc,
        );
    }
    println!();
    let ms = 1000.0 * summarize_bbc.as_secs_f64() / files.len() as f64;
    match sumy_ms {
        Some(sumy) => println!(
            "summarize: {ms:.3} ms per BBC article for the whole process; sumy's TextRank {sumy:.2} ms in this run: {:.0}× faster.",
            sumy / ms
        ),
        None => println!(
            "summarize: {ms:.3} ms per BBC article for the whole process (sumy not run; the issue quotes ~13 ms: {:.0}×).",
            13.0 / ms
        ),
    }
    println!();
    stages(&corpus);
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// Writes the generated week; returns its size in bytes.
fn write_week(bbc_dir: &Path, path: &Path) -> u64 {
    let mut articles = Vec::new();
    for n in 1..=300 {
        let text = std::fs::read_to_string(bbc_dir.join(format!("articles/{n:03}.txt")))
            .expect("BBC article");
        let (title, body) = text.split_once("\n\n").unwrap_or(("", &text));
        articles.push((n, title.trim().to_string(), body.to_string()));
    }
    let start = chrono::DateTime::parse_from_rfc3339("2025-02-03T00:00:00Z").expect("date");
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("week file"));
    for i in 0..WEEK_ARTICLES {
        let (n, title, body) = &articles[i % articles.len()];
        let at = start + chrono::Duration::seconds((i * 7 * 86_400 / WEEK_ARTICLES) as i64);
        let line = serde_json::json!({
            "id": format!("bbc-{n:03}-{i:05}"),
            "url": format!("https://news.example/bbc/{n:03}/{i}"),
            "title": title,
            "outlet": "BBC",
            "published": at.to_rfc3339(),
            "text": body,
        });
        writeln!(out, "{line}").expect("write week");
    }
    out.flush().expect("write week");
    std::fs::metadata(path).expect("week file").len()
}

/// Runs a command to completion in `dir` (stdout discarded, HOME set to
/// `dir` so no user config is read), on `threads` threads when given;
/// returns the wall time and the child's peak resident set in KiB.
fn run(cmd: &mut Command, dir: &Path, threads: Option<usize>) -> (Duration, u64) {
    cmd.current_dir(dir)
        .env("HOME", dir)
        .env_remove("DIGEST_CONFIG")
        .stdout(Stdio::null());
    match threads {
        Some(t) => cmd.env("RAYON_NUM_THREADS", t.to_string()),
        None => cmd.env_remove("RAYON_NUM_THREADS"),
    };
    let start = Instant::now();
    // Reaped by wait4 below, which std's Child cannot do (it drops rusage).
    #[allow(clippy::zombie_processes)]
    let child = cmd.spawn().expect("spawn");
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, by its pid; std's handle is never
    // waited on afterwards (dropping a Child does not wait).
    let r = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    assert!(r > 0, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{cmd:?} failed: status {status}"
    );
    (elapsed, usage.ru_maxrss as u64)
}

/// Where the time of a build goes: the stages run in this process, one
/// thread, over the generated week.
fn stages(corpus: &Path) {
    use digest::cluster::{ClusterOptions, cluster};
    use digest::document::Document;
    use digest::extract::{self, rules::Rules};
    use digest::ingest::{IngestOptions, ingest};
    use digest::rank::rank;

    let rules = Rules::builtin();
    let mut times: Vec<(&str, Duration)> = Vec::new();
    let t = Instant::now();
    let articles = ingest(&[corpus.to_path_buf()], &IngestOptions::default()).articles;
    times.push(("ingest (read, parse JSON)", t.elapsed()));
    let t = Instant::now();
    let docs: Vec<Document> = articles.into_iter().map(Document::new).collect();
    times.push(("segment", t.elapsed()));
    let t = Instant::now();
    let groups = cluster(&docs, &ClusterOptions::default());
    times.push(("cluster", t.elapsed()));
    let (mut story_t, mut extract_t, mut cues_t, mut rank_t) = Default::default();
    let opts = RankOptions::default();
    for g in &groups {
        let t = Instant::now();
        let story = extract::Story::new(g.iter().map(|&d| &docs[d]).collect());
        story_t += t.elapsed();
        let t = Instant::now();
        let found = extract::extract(&story, rules);
        extract_t += t.elapsed();
        let t = Instant::now();
        let cands = pipeline::candidates(&story, &found.measures);
        cues_t += t.elapsed();
        let t = Instant::now();
        let _ = rank(&cands, 5, &opts);
        rank_t += t.elapsed();
    }
    times.push((
        "extract: story sentences and time phrases (Story::new)",
        story_t,
    ));
    times.push(("extract: measures, figures, quotes", extract_t));
    times.push(("extract: policy cues for ranking", cues_t));
    times.push(("rank (5 key sentences per story)", rank_t));
    let total: Duration = times.iter().map(|(_, t)| *t).sum();
    println!(
        "Where a build's time goes (in-process, one thread, {} articles in {} stories):",
        docs.len(),
        groups.len()
    );
    println!();
    println!("| stage | seconds | share |");
    println!("|---|---:|---:|");
    for (name, t) in &times {
        println!(
            "| {name} | {:.3} | {:.0}% |",
            t.as_secs_f64(),
            100.0 * t.as_secs_f64() / total.as_secs_f64()
        );
    }
    println!();
}

/// A cue in a few characters: the measures stated, then d (a date) and f
/// (a figure).
fn show_cue(c: &digest::rank::Cue) -> String {
    format!(
        "{:?}{}{}",
        c.states,
        if c.date { "d" } else { "" },
        if c.figure { "f" } else { "" }
    )
}

/// With `DIGEST_BENCH_SHOW=1`: each gold article's top 3 and the gold
/// evidence they miss, to read where ranking goes wrong.
fn show_misses(gold: &[GoldArticle], top3: &HashMap<String, Vec<usize>>) {
    let rules = digest::extract::rules::Rules::builtin();
    for g in gold {
        let picks = &top3[&g.name];
        let story = digest::extract::Story::new(vec![&g.doc]);
        let measures = digest::extract::measures::extract(&story, rules);
        let cues = digest::extract::cues(&story, 0, &measures);
        println!("=== {} ({} sentences)", g.name, g.doc.sentences.len());
        for &i in picks {
            let mark = if g.items.iter().any(|it| it.contains(&i)) {
                "+"
            } else {
                "-"
            };
            println!(
                "  {mark} pick {i} cue {}: {}",
                show_cue(&cues[i]),
                g.doc.sentence(i)
            );
        }
        for it in &g.items {
            if !it.iter().any(|i| picks.contains(i)) {
                let i = *it.iter().next().expect("item");
                println!(
                    "  ! miss {i} cue {}: {}",
                    show_cue(&cues[i]),
                    g.doc.sentence(i)
                );
            }
        }
    }
}
