//! `thidua`: the rule crate on the command line.
//!
//! `thidua eval FILE` prints the results table, `thidua eval --json FILE` the results JSON that the
//! app exports, `thidua check FILE` validates, `thidua default` prints the built-in pact document,
//! and `thidua schema` the JSON Schema. Exit codes: 0 ok, 1 invalid input, 2 usage error.

mod table;

use clap::{Parser, Subcommand, ValueEnum};
use std::io::Read;
use std::process::ExitCode;
use thidua_core::document::MAX_FILE_BYTES;
use thidua_core::{Document, Lang};

#[derive(Parser)]
#[command(
    name = "thidua",
    version,
    about = "Evaluate emulation-pact files (giao ước thi đua)"
)]
struct Cli {
    /// Language of messages and tables.
    #[arg(long, value_enum, default_value_t = LangArg::Vi, global = true)]
    lang: LangArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Evaluate a file and print the results table (or the results JSON with --json).
    Eval {
        /// Print the results JSON that the app exports (every review; the same fields in the
        /// same order, indented), or with --review, that review's results.
        #[arg(long)]
        json: bool,
        /// The review to evaluate (its id, e.g. `6-thang-2023`); the pact's first by default.
        #[arg(long)]
        review: Option<String>,
        /// The document (`-` for standard input).
        file: String,
    },
    /// Validate a file.
    Check {
        /// The document (`-` for standard input).
        file: String,
    },
    /// Print the built-in pact document (2023, Emulation Cluster No. 1).
    Default,
    /// Print the JSON Schema of the file format.
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Vi => Lang::Vi,
        LangArg::En => Lang::En,
    };
    match cli.command {
        Command::Default => {
            emit(&Document::default_pact().to_json());
            ExitCode::SUCCESS
        }
        Command::Schema => {
            emit(&thidua_core::schema::schema_json());
            ExitCode::SUCCESS
        }
        Command::Check { file } => match load(&file, lang) {
            Ok(doc) => {
                let msg = match lang {
                    Lang::Vi => format!(
                        "{file}: hợp lệ ({} đơn vị, {} chỉ tiêu)",
                        doc.pact.units.len(),
                        doc.pact.targets().count()
                    ),
                    Lang::En => format!(
                        "{file}: valid ({} units, {} targets)",
                        doc.pact.units.len(),
                        doc.pact.targets().count()
                    ),
                };
                emit(&msg);
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
        Command::Eval { json, review, file } => match load(&file, lang) {
            Ok(doc) => {
                let explicit_review = review.is_some();
                let id = review.unwrap_or_else(|| doc.pact.main_review().to_string());
                if doc.pact.review(&id).is_none() {
                    let known: Vec<&str> = doc.pact.reviews.iter().map(|r| r.id.as_str()).collect();
                    eprintln!(
                        "{file}: {} “{id}” ({}: {})",
                        match lang {
                            Lang::Vi => "giao ước không có kỳ đánh giá",
                            Lang::En => "the pact has no review",
                        },
                        match lang {
                            Lang::Vi => "có",
                            Lang::En => "it has",
                        },
                        known.join(", ")
                    );
                    return ExitCode::from(2);
                }
                let results = doc.evaluate_review(&id);
                if json {
                    let text = if doc.pact.reviews.len() > 1 && !explicit_review {
                        serde_json::to_string_pretty(&doc.evaluate_all())
                    } else {
                        serde_json::to_string_pretty(&results)
                    };
                    match text {
                        Ok(s) => emit(&s),
                        Err(e) => {
                            eprintln!("{e}");
                            return ExitCode::FAILURE;
                        }
                    }
                } else {
                    emit(table::render(&doc, &results, lang).trim_end());
                }
                ExitCode::SUCCESS
            }
            Err(code) => code,
        },
    }
}

/// Reads and validates a document; on failure prints why on stderr and returns exit code 1.
fn load(file: &str, lang: Lang) -> Result<Document, ExitCode> {
    let fail = |msg: String| {
        eprintln!("{file}: {msg}");
        ExitCode::FAILURE
    };
    let mut bytes = Vec::new();
    let read = if file == "-" {
        std::io::stdin()
            .take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file)
            .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes))
    };
    if let Err(e) = read {
        return Err(fail(e.to_string()));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => {
            return Err(fail(
                match lang {
                    Lang::Vi => "tệp không phải văn bản UTF-8",
                    Lang::En => "the file is not UTF-8 text",
                }
                .into(),
            ))
        }
    };
    Document::from_json(&text).map_err(|e| {
        for line in e.messages(lang) {
            eprintln!("{file}: {line}");
        }
        ExitCode::FAILURE
    })
}

/// Writes a text and a newline to stdout; a closed pipe (`| head`) is not an error.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
}
