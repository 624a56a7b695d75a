"""The command line: ``citecheck PATH...`` and its subcommands.

Heavy modules (parsers, requests, BeautifulSoup) are imported inside the commands that need
them, so ``citecheck --help`` stays instant. Every expected failure becomes a message on
stderr and exit code 2. Anything else is a bug: every command reports it in one line and
exits 3 (CITECHECK_DEBUG=1 shows the traceback), so CI never mistakes a crash for findings.
Ctrl-C exits 130; a reader that stops reading early (``| head``) ends the run quietly.
"""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import date
from typing import Any, Callable, NoReturn, Sequence

import click

from citecheck import PROJECT_URL, __version__
from citecheck.config import MAX_BYTES_CEILING
from citecheck.inputs import DEFAULT_INCLUDE

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
# What a shell reports for a process that SIGPIPE ended: the reader closed the pipe.
EXIT_BROKEN_PIPE = 141
DEBUG_VARIABLE = "CITECHECK_DEBUG"
OUTPUT_FORMATS = ("full", "concise", "json", "sarif", "github", "markdown", "html")
INPUT_FORMATS = ("text", "wikitext", "html")


class DefaultGroup(click.Group):
    """A group whose unknown first argument means ``check``: ``citecheck a.txt`` = ``citecheck check a.txt``."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        elif not args:
            args = [self.default_command]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; an interruption or an unexpected exception gets its own exit code."""
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # a closed pipe fails here, not in Python's flush at exit
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("\ncitecheck: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # Later writes to the closed pipe (Python's flush at exit) must not complain either.
            with contextlib.suppress(OSError, ValueError):  # an output without a file descriptor
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_BROKEN_PIPE)
        except Exception as exc:  # noqa: BLE001 - the last line of defence: a bug, reported as one
            internal_error(exc)


def internal_error(exc: BaseException) -> NoReturn:
    """One line naming the exception and where to report it; the traceback only on request."""
    if os.environ.get(DEBUG_VARIABLE):
        import traceback

        traceback.print_exception(exc)
    from citecheck.report import printable

    detail = " ".join(printable(str(exc)).split())[:300]
    click.echo(f"citecheck: internal error: {type(exc).__name__}{': ' + detail if detail else ''} "
               f"(a bug: please report it with the input, see {PROJECT_URL}; "
               f"{DEBUG_VARIABLE}=1 shows the traceback)", err=True)
    sys.exit(EXIT_INTERNAL)


def fail(message: str) -> NoReturn:
    from citecheck.report import printable  # messages quote file names and page titles

    click.echo(f"citecheck: error: {printable(message)}", err=True)
    sys.exit(EXIT_USAGE)


def os_error_reason(exc: OSError, path: str) -> str:
    """Why writing ``path`` failed, naming the file at fault when it is another (its folder)."""
    reason = exc.strerror or str(exc)
    return f"{reason}: {exc.filename}" if exc.filename and str(exc.filename) != path else reason


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--as-of expects a date like 2020-10-30, got {value!r}")


def split_codes(values: tuple[str, ...]) -> list[str]:
    """Comma-separated values of a repeatable option (rule codes, patterns), in one list."""
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def apply_options(options: list[Callable[..., Any]], func: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(options):
        func = option(func)
    return func


def lint_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options shared by every command that lints articles (check, diff, fetch)."""
    return apply_options([
        click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS),
                     default=None, help="Report format [default: full on a terminal, concise otherwise]."),
        click.option("--input-format", type=click.Choice(INPUT_FORMATS), default=None,
                     help="Override format detection."),
        click.option("--select", multiple=True, metavar="CODES",
                     help="Only these rules: codes, prefixes (CC1) or names; comma-separated."),
        click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
                     default=None, help="Exit 1 when a finding is at or above this [default: error]."),
        click.option("--conflict", metavar="NAME|PATH", default=None,
                     help="Conflict definition for the sourcing rules [default: matched on the article]."),
        click.option("--as-of", metavar="DATE", default=None,
                     help="Revision date of the article (YYYY-MM-DD) for the date rules."),
        click.option("--online", is_flag=True, help="Check links over the network (off by default)."),
        click.option("--cache", metavar="PATH", default=None, help="Link-check cache file."),
        click.option("--no-cache", is_flag=True, help="Do not read or write the link-check cache."),
        click.option("--refresh", is_flag=True, help="Re-check links even when the cache has a fresh answer."),
        click.option("--config", "config_path", metavar="FILE", default=None,
                     help="Config file [default: citecheck.toml or pyproject.toml found upward]."),
        click.option("--max-bytes", type=click.IntRange(min=1, max=MAX_BYTES_CEILING), default=None,
                     help="Refuse inputs larger than this [default: 5000000]."),
        click.option("--show", metavar="SEVERITIES", default=None,
                     help="Print only these severities in the full and concise formats, e.g. "
                          "error,warning (the exit code still counts every finding)."),
        click.option("--fold/--no-fold", default=True,
                     help="Print the info findings of one rule in one file as one line (full and "
                          "concise formats) [default: fold]."),
        click.option("--quiet", "-q", is_flag=True,
                     help="Print the findings or the report only: no summary line, no notes on stderr."),
        click.option("--color/--no-color", default=None,
                     help="Colour the report [default: on a terminal, unless NO_COLOR or TERM=dumb; "
                          "FORCE_COLOR forces it]."),
    ], func)


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options of the commands that lint files, folders and globs (check, fetch)."""
    return apply_options([
        click.option("--include", multiple=True, metavar="PATTERNS",
                     help="File patterns searched for in folders, comma-separated [default: "
                          + " ".join(DEFAULT_INCLUDE) + "]."),
        click.option("--exclude", multiple=True, metavar="PATTERNS",
                     help="File or folder patterns never linted, comma-separated (e.g. drafts,*.tmp.txt)."),
        click.option("--baseline", metavar="FILE", default=None,
                     help="Report only findings not recorded in this baseline."),
        click.option("--write-baseline", metavar="FILE", default=None,
                     help="Record the current findings as the baseline and exit 0 (with --baseline: "
                          "what it accepted plus the new findings)."),
        click.option("--statistics", is_flag=True,
                     help="Print the number of findings per rule instead of the findings."),
        click.option("--show-settings", is_flag=True,
                     help="Print the settings in effect (config file, rules, fail-on, patterns) and exit."),
    ], func)


def _flag_settings() -> dict[str, Callable[[Any], Any]]:
    from citecheck.config import parse_fail_on

    def keep(value: Any) -> Any:
        return value

    return {
        "select": split_codes, "ignore": split_codes, "fail_on": parse_fail_on, "as_of": parse_date,
        "online": bool, "conflict": keep, "cache": keep, "no_cache": bool, "refresh": bool,
        "input_format": keep, "max_bytes": keep, "include": split_codes, "exclude": split_codes,
    }


def build_settings(opts: dict[str, Any], first_path: str | None = None) -> Any:
    """Settings from the defaults, then the config file, then the flags (flags win)."""
    from citecheck.config import ConfigError, Settings, find_config, load_config

    settings = Settings()
    try:
        config = opts.get("config_path")
        if config is None and first_path not in (None, "-"):
            config = find_config(first_path)
        elif config is None:
            config = find_config(".")
        if config is not None:
            settings = load_config(config, settings)
        # Each flag given on the command line replaces the config file's value, converted.
        for flag, convert in _flag_settings().items():
            if opts.get(flag):
                setattr(settings, flag, convert(opts[flag]))
        if opts.get("baseline"):
            from citecheck.baseline import load_baseline

            settings.baseline = load_baseline(opts["baseline"])
        from citecheck.rules import select_rules

        select_rules(settings.select, settings.ignore)  # reject unknown selectors early
    except (ConfigError, ValueError, OSError) as exc:
        fail(str(exc))
    from citecheck.data import check_settings

    try:
        check_settings(settings)  # a missing conflict or a bad rule-data file, before any input
    except (ConfigError, ValueError, OSError) as exc:
        # A conflict the config file names is the config file's error: say which file.
        from_config = settings.config_path and settings.conflict and not opts.get("conflict")
        fail(f"{settings.config_path}: {exc}" if from_config else str(exc))
    return settings


def lint_inputs(arguments: tuple[str, ...], settings: Any) -> tuple[list[Any], list[Any]]:
    """(results, failures) for files, folders, globs, URLs and ``-``: an input that cannot be
    linted is reported with the others' findings, never a reason to drop them."""
    from citecheck.api import lint_path
    from citecheck.config import ConfigError
    from citecheck.dump import dump_hint
    from citecheck.fetch import FetchError, is_page_url, lint_url
    from citecheck.inputs import InputFailure, expand
    from citecheck.io import InputError

    results, failures = [], []
    linted: set[str] = set()
    for argument in arguments:  # failures are reported in the order of the arguments
        paths, unmatched = expand((argument,), settings.include, settings.exclude, is_url=is_page_url)
        failures.extend(unmatched)
        for path in paths:
            if path in linted:
                continue
            linted.add(path)
            try:
                linted_input = lint_url(path, settings) if is_page_url(path) else lint_path(path, settings=settings)
                results.append(linted_input)
            except (InputError, FetchError) as exc:
                message = dump_hint(path) or str(exc)
                failures.append(InputFailure(path, message.removeprefix(f"{path}: ")))
            except ConfigError as exc:
                fail(str(exc))
    return results, failures


def lint_each(paths: tuple[str, ...], settings: Any) -> list[Any]:
    """Lint every path; one that cannot be linted stops the run (diff needs both revisions)."""
    results = []
    for path in paths:  # one by one: the two revisions may be the same file
        found, failures = lint_inputs((path,), settings)
        if failures:
            fail(f"{failures[0].path}: {failures[0].message}")
        results.extend(found)
    return results


def exit_code(results: list[Any], fail_on: Any) -> int:
    if fail_on is None:
        return EXIT_CLEAN
    worst = max((f.severity for r in results for f in r.findings), default=None)
    return EXIT_FINDINGS if worst is not None and worst >= fail_on else EXIT_CLEAN


def output_format(opts: dict[str, Any], default: str | None = None) -> str:
    return opts.get("output_format") or default or ("full" if sys.stdout.isatty() else "concise")


def color_wanted(flag: bool | None, fmt: str) -> bool:
    """Whether to colour: --color/--no-color, else NO_COLOR (any value) turns it off,
    FORCE_COLOR (any value) on, TERM=dumb off, else colour on a terminal only."""
    if flag is not None:
        return flag
    if fmt not in ("full", "concise") or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return os.environ.get("TERM") != "dumb" and sys.stdout.isatty()


def report_view(opts: dict[str, Any]) -> Any:
    """What the terminal formats print: --show, --fold, and the summary unless --quiet."""
    from citecheck.model import Severity
    from citecheck.report import View

    show = None
    if opts.get("show"):
        try:
            show = frozenset(Severity.parse(name) for name in split_codes((opts["show"],)))
        except ValueError:
            fail(f"--show expects severities (error, warning, info), comma-separated, got {opts['show']!r}")
    return View(show=show, fold=bool(opts.get("fold", True)), summary=not opts.get("quiet"))


def emit(results: list[Any], opts: dict[str, Any], failures: Sequence[Any] = ()) -> None:
    from citecheck.report import render

    fmt = output_format(opts)
    view = report_view(opts)
    if fmt in ("json", "sarif", "markdown", "html") or opts.get("statistics"):
        # The report goes to a file or has no place for them: the job's log names them.
        for failure in failures:
            click.echo(f"citecheck: error: {failure.path}: {failure.message}", err=True)
    if opts.get("statistics"):
        from citecheck.report.statistics import render as render_statistics

        render_statistics(results, sys.stdout, as_json=fmt == "json")
        return
    render(fmt, results, sys.stdout, color=color_wanted(opts.get("color"), fmt), errors=failures, view=view)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citecheck")
def main() -> None:
    """Citation-integrity and source-audit linter for encyclopedia articles.

    citecheck PATH... is short for citecheck check PATH...
    """


@main.command()
@click.argument("paths", nargs=-1)
@lint_options
@input_options
@click.option("--fix", is_flag=True,
              help="Apply the certain fixes to wikitext files in place (CC302, CC504, CC406; CC301/CC311/CC313 "
                   "with --online); plain text and HTML are read-only copies.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the fixes --fix would make as a unified diff instead of applying them.")
def check(paths: tuple[str, ...], **opts: Any) -> None:
    """Lint articles: files, folders (searched for article files), globs; - reads stdin.

    An input that cannot be linted is reported in the report with the findings of the others,
    and the run then exits 2.
    """
    settings = build_settings(opts, paths[0] if paths else None)
    if opts.get("show_settings"):
        from citecheck.config import describe_settings

        click.echo("\n".join(describe_settings(settings)))
        sys.exit(EXIT_CLEAN)
    if not paths:
        fail("no input given: name article files, folders or globs, or - for standard input")
    results, failures = lint_inputs(paths, settings)
    if not results and not failures and not opts.get("quiet"):
        click.echo(f"citecheck: warning: no article files found in {', '.join(paths)} "
                   f"(searched for {', '.join(settings.include or DEFAULT_INCLUDE)})", err=True)
    if opts.get("write_baseline"):
        record_baseline(results, opts)
        sys.exit(EXIT_USAGE if failures else EXIT_CLEAN)
    if opts.get("fix") or opts.get("show_diff"):
        from citecheck.fix import fix_results, unfixed

        fix_results(results, write=not opts.get("show_diff"), out=sys.stdout, err=sys.stderr)
        if opts.get("show_diff"):
            sys.exit(EXIT_USAGE if failures else EXIT_CLEAN)
        emit(results, opts, failures)
        sys.exit(EXIT_USAGE if failures else exit_code(unfixed(results), settings.fail_on))
    emit(results, opts, failures)
    sys.exit(EXIT_USAGE if failures else exit_code(results, settings.fail_on))


def record_baseline(results: list[Any], opts: dict[str, Any]) -> None:
    """Write --write-baseline: what --baseline accepted plus the findings it did not account for.

    With --baseline the findings are only the new ones, so writing them alone would drop every
    accepted finding; the baseline given is kept whole and the new findings are added.
    """
    from citecheck.baseline import read_baseline, write_baseline
    from citecheck.config import ConfigError

    target = opts["write_baseline"]
    try:
        accepted = read_baseline(opts["baseline"]) if opts.get("baseline") else []
        count = write_baseline([f for r in results for f in r.findings], target, accepted)
    except ConfigError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{target}: cannot write the baseline ({os_error_reason(exc, target)})")
    if not opts.get("quiet"):
        click.echo(f"citecheck: recorded {count} finding(s) in {target}", err=True)


@main.command()
@click.argument("old")
@click.argument("new")
@click.option("--wiki", metavar="HOST", default=None,
              help="The wiki of OLD and NEW given as bare revision ids, e.g. en.wikipedia.org.")
@lint_options
def diff(old: str, new: str, wiki: str | None, **opts: Any) -> None:
    """Findings introduced and resolved between two revisions of an article (any formats).

    Exits 1 only when an introduced finding is at or above --fail-on.
    """
    from citecheck.baseline import compare
    from citecheck.fetch import FetchError, revision_pair

    try:
        old, new = revision_pair(old, new, wiki)
    except FetchError as exc:
        fail(str(exc))
    settings = build_settings(opts, new)
    old_result, new_result = lint_each((old, new), settings)
    introduced, resolved = compare(old_result.findings, new_result.findings)
    emit_diff(old_result, new_result, introduced, resolved, opts)
    fails = settings.fail_on is not None and any(f.severity >= settings.fail_on for f in introduced)
    sys.exit(EXIT_FINDINGS if fails else EXIT_CLEAN)


def emit_diff(old_result: Any, new_result: Any, introduced: list[Any], resolved: list[Any],
              opts: dict[str, Any]) -> None:
    from dataclasses import replace

    fmt = output_format(opts, "concise")
    out = sys.stdout
    if fmt == "json":
        from citecheck.report import write_json
        from citecheck.report.json import document, finding_record

        doc = document([replace(new_result, findings=introduced)])
        doc["files"].insert(0, document([old_result])["files"][0])
        doc["resolved"] = [finding_record(f) for f in resolved]
        write_json(doc, out)
        return
    from citecheck.report import View, printable, render

    view = report_view(opts)
    if fmt not in ("full", "concise"):
        # CI annotations and editor reports show what the new revision introduced.
        render(fmt, [replace(new_result, findings=introduced)], out, view=view)
        return
    color = color_wanted(opts.get("color"), fmt)
    sections = View(show=view.show, fold=view.fold, summary=False)
    for heading, result, findings in ((f"Introduced in {printable(new_result.path)}", new_result, introduced),
                                      (f"Resolved since {printable(old_result.path)}", old_result, resolved)):
        if findings:
            out.write(f"{heading} ({len(findings)}):\n")
            render(fmt, [replace(result, findings=findings)], out, color=color, view=sections)
            out.write("\n" if fmt == "concise" else "")
    if view.summary:
        out.write(diff_summary(len(introduced), len(resolved), old_result.path, new_result.path) + "\n")


def diff_summary(introduced: int, resolved: int, old: str, new: str) -> str:
    """The one closing line of ``citecheck diff``."""
    from citecheck.report import printable

    between = f"between {printable(old)} and {printable(new)}"
    if not introduced and not resolved:
        return f"No finding introduced or resolved {between}."
    return (f"{introduced} finding{'s' * (introduced != 1)} introduced, {resolved} resolved {between}.")


@main.command()
@click.argument("url", required=False)
@click.option("--wiki", metavar="HOST", default=None, help="Wiki host name, e.g. en.wikipedia.org.")
@click.option("--title", metavar="TITLE", default=None, help="Page title on --wiki.")
@click.option("--revision", type=int, metavar="ID", default=None,
              help="Revision id [default: the latest, or the URL's oldid].")
@lint_options
@input_options
@click.pass_context
def fetch(ctx: click.Context, url: str | None, wiki: str | None, title: str | None,
          revision: int | None, **opts: Any) -> None:
    """Fetch a wiki page through the MediaWiki API and lint its wikitext.

    Give a page URL (https://en.wikipedia.org/wiki/Title, or an index.php?oldid= link) or
    --wiki with --title; --revision picks an old revision. The revision's timestamp is the
    revision date for the date rules. citecheck URL is short for citecheck fetch URL.
    """
    from citecheck.fetch import FetchError, page_url

    try:
        target = page_url(url, wiki, title, revision)
    except FetchError as exc:
        fail(str(exc))
    ctx.invoke(check, paths=(target,), **opts)


@main.command(name="rules")
@click.option("--markdown", is_flag=True, help="Print the rule table as Markdown (as in README.md).")
def list_rules(markdown: bool) -> None:
    """List every rule: code, name, default severity and what it flags."""
    from citecheck.report import plain_text
    from citecheck.rules import RULES, markdown_table

    if markdown:
        click.echo(markdown_table(), nl=False)
        return
    for rule in RULES:
        network = " (online)" if rule.network else ""
        click.echo(f"{rule.code}  {rule.name:<34} {str(rule.severity):<8} {plain_text(rule.summary())}{network}")


@main.command(name="rule")
@click.argument("code")
def explain_rule(code: str) -> None:
    """Explain one rule (by code or name): what it flags, why, and its options."""
    from citecheck.report import plain_text
    from citecheck.rules import by_code

    rule = by_code(code)
    if rule is None:
        fail(f"no rule {code!r} (see 'citecheck rules')")
    click.echo(f"{rule.code} {rule.name} (default severity: {rule.severity})\n")
    click.echo(plain_text(rule.doc()))
    if rule.options:
        click.echo("\nOptions:")
        for opt in rule.options:
            click.echo(f"  {opt.name} (default: {opt.default!r}): {opt.help}")


@main.command(name="outlets")
@click.argument("query", metavar="DOMAIN|NAME")
@click.option("--config", "config_path", metavar="FILE", default=None,
              help="Config file whose conflict-paths are searched too.")
def explain_outlet(query: str, config_path: str | None) -> None:
    """What the outlet registry and the conflict files know about an outlet, and why; exit 1 when nothing."""
    from citecheck.config import ConfigError
    from citecheck.data import describe_outlet

    settings = build_settings({"config_path": config_path})
    try:
        lines = describe_outlet(query, settings.conflict_paths)
    except ConfigError as exc:
        fail(str(exc))
    if not lines:
        click.echo(f"{query}: not in the outlet registry (rules/outlets/) nor in any conflict file; "
                   "citations of it count as independent")
        sys.exit(EXIT_FINDINGS)
    click.echo("\n".join(lines))


@main.command()
@click.argument("path")
@click.option("--all-revisions", is_flag=True, help="Lint every revision, not only each page's latest.")
@click.option("--namespace", "namespaces", multiple=True, metavar="N",
              help="Namespace numbers to lint, or 'all' [default: 0, articles].")
@click.option("--include-redirects", is_flag=True, help="Lint redirect pages too.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Stop after this many records (pages, or revisions with --all-revisions).")
@click.option("--output", "-o", metavar="FILE", default=None, help="Write the JSON Lines here [default: stdout].")
@click.option("--resume", is_flag=True,
              help="Continue the interrupted output of -o FILE: its records are kept and linting "
                   "goes on after them.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1,
              help="Lint pages in this many processes (output order is kept) [default: 1].")
@click.option("--select", multiple=True, metavar="CODES", help="Only these rules.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Exit 1 when a finding is at or above this [default: error].")
@click.option("--conflict", metavar="NAME|PATH", default=None, help="Conflict definition for the sourcing rules.")
@click.option("--config", "config_path", metavar="FILE", default=None, help="Config file.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Skip (and report) revisions larger than this [default: 5000000].")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr [default: when stderr is a terminal].")
@click.option("--shards", "shard_dir", metavar="DIR", default=None,
              help="Write one JSON Lines shard per task and a manifest into DIR; tasks are byte ranges "
                   "of a multistream .bz2 (or batches of pages); a rerun skips the shards written.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default=None,
              help="Run the --shards tasks in a local process pool or on dask.distributed [default: local].")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="dask scheduler for --engine dask, e.g. tcp://host:8786 [default: a LocalCluster of --jobs workers].")
def dump(path: str, all_revisions: bool, namespaces: tuple[str, ...], include_redirects: bool,
         limit: int | None, output: str | None, resume: bool, jobs: int, progress: bool | None,
         shard_dir: str | None, engine: str | None, scheduler: str | None, **opts: Any) -> None:
    """Lint a MediaWiki XML dump (.xml, .bz2, .gz, .xz, .lzma; - reads stdin): one JSON Lines
    record per page.

    Ctrl-C keeps the records written so far in -o FILE; --resume continues from there.
    """
    import time

    from citecheck.atomic import atomic_write
    from citecheck.dump import DumpError, DumpStats, read_resume, write_jsonl

    settings = build_settings(opts, path)
    wanted: frozenset[int] | None = frozenset({0})
    if namespaces:
        try:
            wanted = None if "all" in namespaces else frozenset(int(n) for n in split_codes(namespaces))
        except ValueError:
            fail(f"--namespace expects numbers or 'all', got {', '.join(namespaces)}")
    if resume and not output:
        fail("--resume continues the output file of -o FILE; give it")
    try:
        earlier = read_resume(output) if resume and output else []
    except DumpError as exc:
        fail(str(exc))
    unit = "revision" if all_revisions else "page"
    if shard_dir or engine or scheduler:
        dump_shards(path, settings, shard_dir, engine or "local", scheduler, jobs, unit,
                    all_revisions=all_revisions, namespaces=wanted, include_redirects=include_redirects)
    stats = DumpStats()
    started = time.monotonic()
    interrupted = False
    # The output file is replaced only once the dump is through, or stopped by Ctrl-C with the
    # complete records so far (for --resume): a failure keeps the old one.
    with contextlib.ExitStack() as stack:
        try:
            out = stack.enter_context(atomic_write(output)) if output else sys.stdout
        except OSError as exc:
            fail(f"{output}: cannot write ({os_error_reason(exc, output)})")
        bar = stack.enter_context(progress_bar(path, stats, unit, progress))
        try:
            worst = write_jsonl(path, settings, out, stats=stats, progress=bar, jobs=jobs, resume=earlier,
                                all_revisions=all_revisions, namespaces=wanted,
                                include_redirects=include_redirects, limit=limit)
        except KeyboardInterrupt:
            interrupted = True
        except (DumpError, OSError) as exc:
            fail(str(exc))
    if interrupted:
        where = f"after {stats.last}" if stats.last else "before the first record"
        more = f"; continue with: citecheck dump {path} -o {output} --resume" if output else ""
        click.echo(f"\ncitecheck: interrupted: stopped {where}, {plural(stats.written, unit)} "
                   f"written{more}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    click.echo(dump_summary(stats, unit, time.monotonic() - started), err=True)
    if stats.truncated:
        click.echo(f"citecheck: warning: {path}: the dump ends early after {stats.pages} complete "
                   f"page(s): {stats.truncated}", err=True)
    if stats.revisions == 0:
        fail(f"{path}: no MediaWiki page could be read (is it an XML export?)")
    if stats.errors:
        fail(f"{len(stats.errors)} page(s) could not be linted, first: {stats.errors[0]}")
    failing = settings.fail_on is not None and worst is not None and worst >= settings.fail_on
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def dump_shards(path: str, settings: Any, shard_dir: str | None, engine: str, scheduler: str | None,
                jobs: int, unit: str, **options: Any) -> NoReturn:
    """``citecheck dump --shards DIR``: tasks run locally or on a dask cluster; exits."""
    from citecheck import shards
    from citecheck.model import Severity

    if not shard_dir:
        fail("--engine and --scheduler write shards: give --shards DIR")
    if scheduler and engine != "dask":
        fail("--scheduler is the address of a dask scheduler: give --engine dask too")
    try:
        manifest = shards.run(path, settings, shard_dir, engine=engine, jobs=jobs, scheduler=scheduler, **options)
    except (RuntimeError, OSError) as exc:
        fail(str(exc))
    click.echo(f"citecheck: {plural(manifest['records'], unit)} in {plural(len(manifest['shards']), 'shard')} "
               f"({manifest['split']}) under {shard_dir}", err=True)
    if manifest["errors"]:
        fail(f"{manifest['errors']} {unit}(s) could not be linted (see their records' error)")
    worst = shards.worst_severity(manifest)
    failing = settings.fail_on is not None and worst is not None and Severity.parse(worst) >= settings.fail_on
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@main.command()
@click.argument("runs", nargs=-1, required=True, metavar="SHARDS...")
@click.option("--format", "-f", "fmt", type=click.Choice(["markdown", "html", "json"]), default="markdown",
              help="Report format [default: markdown].")
@click.option("--top", type=click.IntRange(min=1), default=50, help="Entries per ranked list [default: 50].")
@click.option("--output", "-o", metavar="FILE", default=None, help="Write the report here [default: stdout].")
def summarize(runs: tuple[str, ...], fmt: str, top: int, output: str | None) -> None:
    """A wiki-wide worklist from dump output (JSON Lines files, shards, or a --shards folder):
    findings per rule, articles ranked by errors, dead-link domains, sole sources of casualty
    figures (CC201), CS1 date errors (CC406), each linking to its article."""
    from citecheck.atomic import atomic_write
    from citecheck.summarize import records, render, run_files, summarize as summarize_run

    try:
        files, base = run_files(runs)
        report = render(summarize_run(records(files), base, top), fmt)
    except (OSError, ValueError, KeyError) as exc:
        fail(f"cannot summarize: {exc}")
    if output is None:
        click.echo(report, nl=False)
        return
    try:
        with atomic_write(output) as out:
            out.write(report)
    except OSError as exc:
        fail(f"{output}: cannot write ({os_error_reason(exc, output)})")


def progress_bar(path: str, stats: Any, unit: str, wanted: bool | None) -> Any:
    """A context giving the dump reader's progress callback: a bar of bytes read (the ETA
    follows the file, compressed or not) that also counts the records; None without a bar."""
    if not (wanted if wanted is not None else sys.stderr.isatty()):
        return contextlib.nullcontext(None)
    from tqdm import tqdm

    @contextlib.contextmanager
    def bar() -> Any:
        size = None if path == "-" else os.path.getsize(path) if os.path.isfile(path) else None
        with tqdm(total=size, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr,
                  desc="stdin" if path == "-" else os.path.basename(path), leave=True,
                  disable=None if wanted is None else False) as shown:
            def advance(read: int) -> None:
                shown.set_postfix_str(plural(stats.linted, unit), refresh=False)
                shown.update(read)

            yield advance

    return bar()


def dump_summary(stats: Any, unit: str, seconds: float) -> str:
    """The closing line of ``citecheck dump`` on stderr."""
    counts = ", ".join(f"{n} {name}" for name, n in stats.findings.items())
    resumed = f" ({stats.resumed} kept from the interrupted run)" if stats.resumed else ""
    return (f"citecheck: {plural(stats.linted, unit)} linted{resumed} of {plural(stats.pages, 'page')} read "
            f"({plural(stats.revisions, 'revision')}); findings: {counts}; {len(stats.errors)} could not be "
            f"linted; {seconds:.1f} s")


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"
