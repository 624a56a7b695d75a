"""The command line: ``citecheck PATH...`` and its subcommands.

Heavy modules (parsers, requests, BeautifulSoup) are imported inside the commands that need
them, so ``citecheck --help`` stays instant. Every expected failure becomes a message on
stderr and exit code 2; a traceback is a bug.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any, Callable, NoReturn

import click

from citecheck import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
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


def fail(message: str) -> NoReturn:
    click.echo(f"citecheck: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--as-of expects a date like 2020-10-30, got {value!r}")


def split_codes(values: tuple[str, ...]) -> list[str]:
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def lint_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options shared by every command that lints (check, diff, dump, fetch)."""
    options = [
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
        click.option("--baseline", metavar="FILE", default=None,
                     help="Report only findings not recorded in this baseline."),
        click.option("--write-baseline", metavar="FILE", default=None,
                     help="Record the current findings as the baseline and exit 0."),
        click.option("--config", "config_path", metavar="FILE", default=None,
                     help="Config file [default: citecheck.toml or pyproject.toml found upward]."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                     help="Refuse inputs larger than this [default: 5000000]."),
        click.option("--quiet", "-q", is_flag=True, help="Print nothing; the exit code tells."),
        click.option("--color/--no-color", default=None, help="Colour the report [default: on a terminal]."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def build_settings(opts: dict[str, Any]) -> Any:
    """Settings from the defaults, then the config file, then the flags (flags win)."""
    from citecheck.config import ConfigError, Settings
    from citecheck.model import Severity

    settings = Settings()
    try:
        if opts.get("select"):
            settings.select = split_codes(opts["select"])
        if opts.get("ignore"):
            settings.ignore = split_codes(opts["ignore"])
        if opts.get("fail_on"):
            settings.fail_on = None if opts["fail_on"] == "never" else Severity.parse(opts["fail_on"])
        settings.as_of = parse_date(opts.get("as_of"))
        settings.online = bool(opts.get("online"))
        if opts.get("conflict"):
            settings.conflict = opts["conflict"]
        if opts.get("cache"):
            settings.cache = opts["cache"]
        if opts.get("input_format"):
            settings.input_format = opts["input_format"]
        if opts.get("max_bytes"):
            settings.max_bytes = opts["max_bytes"]
        from citecheck.rules import select_rules

        select_rules(settings.select, settings.ignore)  # reject unknown selectors early
    except (ConfigError, ValueError) as exc:
        fail(str(exc))
    return settings


def exit_code(results: list[Any], fail_on: Any) -> int:
    if fail_on is None:
        return EXIT_CLEAN
    worst = max((f.severity for r in results for f in r.findings), default=None)
    return EXIT_FINDINGS if worst is not None and worst >= fail_on else EXIT_CLEAN


def emit(results: list[Any], opts: dict[str, Any]) -> None:
    from citecheck.report import render

    if opts.get("quiet"):
        return
    fmt = opts.get("output_format") or ("full" if sys.stdout.isatty() else "concise")
    color = opts.get("color")
    if color is None:
        color = sys.stdout.isatty() and fmt in ("full", "concise")
    render(fmt, results, click.get_text_stream("stdout"), color=bool(color))


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="citecheck")
def main() -> None:
    """Citation-integrity and source-audit linter for encyclopedia articles.

    citecheck PATH... is short for citecheck check PATH...
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@lint_options
def check(paths: tuple[str, ...], **opts: Any) -> None:
    """Lint articles (plain text, wikitext or HTML; - reads stdin)."""
    from citecheck.api import lint_path
    from citecheck.config import ConfigError
    from citecheck.io import InputError

    settings = build_settings(opts)
    results = []
    for path in paths:
        try:
            results.append(lint_path(path, settings=settings))
        except (InputError, ConfigError) as exc:
            fail(str(exc))
    emit(results, opts)
    sys.exit(exit_code(results, settings.fail_on))


@main.command(name="rules")
def list_rules() -> None:
    """List every rule: code, name, default severity and what it flags."""
    from citecheck.rules import RULES

    for rule in RULES:
        network = " (online)" if rule.network else ""
        click.echo(f"{rule.code}  {rule.name:<34} {str(rule.severity):<8} {rule.summary()}{network}")


@main.command(name="rule")
@click.argument("code")
def explain_rule(code: str) -> None:
    """Explain one rule (by code or name): what it flags, why, and its options."""
    from citecheck.rules import by_code

    rule = by_code(code)
    if rule is None:
        fail(f"no rule {code!r} (see 'citecheck rules')")
    click.echo(f"{rule.code} {rule.name} (default severity: {rule.severity})\n")
    click.echo(rule.doc())
    if rule.options:
        click.echo("\nOptions:")
        for opt in rule.options:
            click.echo(f"  {opt.name} (default: {opt.default!r}): {opt.help}")
