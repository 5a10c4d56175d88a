//! `wegweiser`: the command for the people who publish a Wegweiser feed.
//!
//! A thin layer over `wegweiser-core`: reading and checking a feed, its status at an
//! instant and the advice for operators all live there, so the command and the page
//! never disagree. What is here is input/output: files, arguments, the clock, and the
//! other formats (JSON Schema, Atom, iCalendar, Statuspage, gematik TI-Lage).

mod atom;
mod check;
mod files;
mod ical;
mod import;
mod markup;
mod publish;
mod statuspage;
mod wire;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Check, convert and import Wegweiser feeds.
///
/// Exit codes: 0 all good (warnings allowed), 1 a feed or input has errors, 2 the command
/// was used wrongly or a file could not be read or written.
#[derive(Parser)]
#[command(name = "wegweiser", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check feeds: every problem with its place (path, line:column) and what to do.
    ///
    /// Errors stop the page from showing a feed (exit code 1); warnings do not (exit
    /// code 0): e.g. a text missing in English, a feed about to go out of date, an
    /// incident open for weeks.
    Check {
        /// The feed files to check ("-" reads from standard input).
        #[arg(required = true, value_name = "FEED")]
        feeds: Vec<PathBuf>,
        /// "text" for people, "json" for CI systems, "github" for GitHub Actions annotations.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        now: Now,
    },
    /// Print the JSON Schema of the feed format (as committed in feed/feed.schema.json).
    Schema {
        #[command(flatten)]
        out: Output,
    },
    /// Write an Atom feed of the incidents and their updates, for feed readers.
    Atom {
        /// The feed file.
        feed: PathBuf,
        /// The address of the status page, e.g. https://status.example.de/ (links point there).
        #[arg(long, value_name = "URL")]
        base_url: String,
        /// The language of the texts, if the feed has it (else German).
        #[arg(long, default_value = "de")]
        lang: String,
        #[command(flatten)]
        now: Now,
        #[command(flatten)]
        out: Output,
    },
    /// Write the planned maintenance as an iCalendar file (.ics) for calendar apps.
    Ical {
        /// The feed file.
        feed: PathBuf,
        /// The address of the status page; each event links to its notice there.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// The language of the texts, if the feed has it (else German).
        #[arg(long, default_value = "de")]
        lang: String,
        #[command(flatten)]
        out: Output,
    },
    /// Write the state in the shape of Atlassian Statuspage's public summary.json (v2).
    Statuspage {
        /// The feed file.
        feed: PathBuf,
        /// The address of the status page.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// The language of the texts, if the feed has it (else German).
        #[arg(long, default_value = "de")]
        lang: String,
        #[command(flatten)]
        now: Now,
        #[command(flatten)]
        out: Output,
    },
    /// Write the feed's current state into the built page (dist/index.html), so it shows
    /// before any script runs, and the same page without scripts as dist/stand.html.
    ///
    /// Run it after `make build` and whenever the feed changes. The page's own
    /// components render the state, exactly as the page does live.
    Publish {
        /// The feed file.
        feed: PathBuf,
        #[command(flatten)]
        page: Page,
        /// The site's address (https://…/). Then each notice's printed page carries a QR
        /// code to it: dist/qr/<id>.svg, for every notice of the feed.
        #[arg(long, value_name = "URL")]
        site: Option<String>,
    },
    /// Print the feed's current state as a page that needs no JavaScript (what
    /// `publish` writes as stand.html), for visitors without it and for search engines.
    Snapshot {
        /// The feed file.
        feed: PathBuf,
        #[command(flatten)]
        page: Page,
        #[command(flatten)]
        out: Output,
    },
    /// Turn another status source into feed incidents written for citizens.
    Import {
        #[command(subcommand)]
        source: import::Source,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Github,
}

/// The instant to judge at.
#[derive(clap::Args)]
struct Now {
    /// Judge the feed at this instant instead of now, e.g. 2025-06-13T10:00:00+02:00.
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
}

/// The built page to publish into, and the instant.
#[derive(clap::Args)]
struct Page {
    /// The folder `make build` wrote (its index.html is the page).
    #[arg(long, value_name = "DIR", default_value = "dist")]
    dist: PathBuf,
    /// Show the state at this instant, marked as a preview (as `?at=` does on the page),
    /// e.g. 2025-06-13T10:00:00+02:00. Without it: the state now.
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
}

impl Page {
    /// The preview instant, if one was given, and now.
    fn instants(&self) -> Result<(Option<wegweiser_core::Time>, wegweiser_core::Time), Failure> {
        let at = match &self.at {
            Some(t) => Some(wegweiser_core::rfc3339::parse(t).map_err(|_| {
                Failure::usage(format!(
                    "--at {t:?} is not a time like 2025-06-13T10:00:00+02:00 (date, time with seconds, UTC offset)"
                ))
            })?),
            None => None,
        };
        Ok((at, files::instant(None)?))
    }
}

/// Where to write.
#[derive(clap::Args)]
struct Output {
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Why a command stopped: what to tell the operator, and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// The command was used wrongly, or a file could not be read or written (exit 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }

    /// An input has errors (exit 1).
    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { feeds, format, now } => {
            now.instant().and_then(|now| check::run(&feeds, format, now))
        }
        Command::Schema { out } => {
            files::write_output(out.output.as_deref(), &wire::schema_json()).map(|()| 0)
        }
        Command::Atom {
            feed,
            base_url,
            lang,
            now,
            out,
        } => now.instant().and_then(|now| {
            let (_, feed) = files::read_feed(&feed)?;
            let text = atom::render(&feed, &base_url, &lang, now)?;
            files::write_output(out.output.as_deref(), &text).map(|()| 0)
        }),
        Command::Ical {
            feed,
            base_url,
            lang,
            out,
        } => files::read_feed(&feed).and_then(|(_, feed)| {
            let text = ical::render(&feed, base_url.as_deref(), &lang)?;
            files::write_output(out.output.as_deref(), &text).map(|()| 0)
        }),
        Command::Statuspage {
            feed,
            base_url,
            lang,
            now,
            out,
        } => now.instant().and_then(|now| {
            let (_, feed) = files::read_feed(&feed)?;
            let text = statuspage::render(&feed, base_url.as_deref(), &lang, now)?;
            files::write_output(out.output.as_deref(), &text).map(|()| 0)
        }),
        Command::Publish { feed, page, site } => page
            .instants()
            .and_then(|(at, now)| publish::run_publish(&feed, &page.dist, at, now, site.as_deref())),
        Command::Snapshot { feed, page, out } => page
            .instants()
            .and_then(|(at, now)| publish::run_snapshot(&feed, &page.dist, at, now, out.output.as_deref())),
        Command::Import { source } => import::run(source),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            eprintln!("wegweiser: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

impl Now {
    /// The instant given with --now, else the system clock.
    fn instant(&self) -> Result<wegweiser_core::Time, Failure> {
        files::instant(self.now.as_deref())
    }
}
