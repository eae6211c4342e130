"""The typer command line: parse options, call the core, decide the exit code in one place."""

from __future__ import annotations

import enum
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from qcity import __version__
from qcity.errors import Issue, Lang, Location, QcityError, UsageError
from qcity.report import ReportOptions

if TYPE_CHECKING:
    from qcity.model import Catalogue, Evaluation

# --- exit codes: the one place they are decided (tabled in the README) --------------------------
EXIT_OK = 0  # every indicator met
EXIT_UNMET = 1  # some indicator unmet or missing
EXIT_USAGE = 2  # the command line is wrong (bad option, missing file)
EXIT_INVALID = 3  # the workbook or catalogue cannot be trusted
EXIT_INTERNAL = 4  # a bug in qcity


def exit_code_for(evaluation: Evaluation) -> int:
    """0 all met; 1 unmet or missing; 3 any invalid figure or error-level issue."""
    from qcity.model import Status

    if evaluation.errors or any(r.status is Status.INVALID for r in evaluation.results):
        return EXIT_INVALID
    if any(r.status is not Status.MET for r in evaluation.results):
        return EXIT_UNMET
    return EXIT_OK


# --- options shared by commands -----------------------------------------------------------------


class LangChoice(str, enum.Enum):
    zh = "zh"
    en = "en"


class ReportFormat(str, enum.Enum):
    """The formats of `qcity check --format` (kept equal to the reporter registry by a test)."""

    text = "text"
    json = "json"


class ListFormat(str, enum.Enum):
    text = "text"
    json = "json"


LangOpt = Annotated[
    LangChoice,
    typer.Option(
        "--lang", envvar="QCITY_LANG", help="Report language 报告语言: zh (default) or en."
    ),
]
CatalogueOpt = Annotated[
    Path | None,
    typer.Option(
        "--catalogue",
        "-c",
        envvar="QCITY_CATALOGUE",
        help="Indicator catalogue YAML 指标目录 (default: the bundled Xi'an 2014 plan).",
        dir_okay=False,
    ),
]
DebugOpt = Annotated[
    bool, typer.Option("--debug", envvar="QCITY_DEBUG", help="Show tracebacks for internal errors.")
]
ColorOpt = Annotated[
    bool | None,
    typer.Option(
        "--color/--no-color", help="Colour the text report (default: when writing to a terminal)."
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to this file (atomically) instead of stdout.",
        dir_okay=False,
    ),
]


def _size(text: str) -> str:
    """Validate a size option while parsing, so a bad one is a usage error naming the option."""
    from qcity.package import parse_size

    try:
        parse_size(text)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    return text


MaxSizeOpt = Annotated[
    str,
    typer.Option(
        "--max-size",
        envvar="QCITY_MAX_SIZE",
        callback=_size,
        metavar="SIZE",
        help="Largest workbook file accepted, e.g. 20MB, 50MiB (see README: Security).",
    ),
]
MaxInflatedOpt = Annotated[
    str,
    typer.Option(
        "--max-inflated",
        envvar="QCITY_MAX_INFLATED",
        callback=_size,
        metavar="SIZE",
        help="Most uncompressed XML read from the workbook, e.g. 4MiB (see README: Security).",
    ),
]
MaxRowsOpt = Annotated[
    int,
    typer.Option(
        "--max-rows",
        envvar="QCITY_MAX_ROWS",
        min=1,
        help="Most rows read from the data sheet (see README: Security).",
    ),
]


app = typer.Typer(
    name="qcity",
    help=(
        "质量强市指标检查 — check quality-city submissions against the targets of "
        "市政办发〔2014〕27号 (Xi'an's 2014 work plan).\n\n"
        "Exit codes: 0 all met · 1 unmet or missing · 2 usage error · "
        "3 workbook or catalogue cannot be trusted · 4 internal error."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
catalogue_app = typer.Typer(
    help="List, validate or describe indicator catalogues 指标目录.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(catalogue_app, name="catalogue")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qcity {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """质量强市指标检查 qcity."""


# --- error handling: every failure leaves through here ------------------------------------------


def _stderr_console(lang: Lang) -> Any:
    from qcity.report.text import make_console

    color = sys.stderr.isatty() and "NO_COLOR" not in os.environ
    return make_console(sys.stderr, ReportOptions(lang=lang, color=color, width=_width()))


def _width() -> int:
    try:
        return max(60, min(os.get_terminal_size(sys.stdout.fileno()).columns, 160))
    except (OSError, ValueError):
        return 100


@contextmanager
def _guard(lang: Lang, debug: bool) -> Iterator[None]:
    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except QcityError as e:
        from qcity.report.text import print_issues

        if debug and e.__cause__ is not None:
            import traceback

            traceback.print_exception(e.__cause__, file=sys.stderr)
        print_issues(_stderr_console(lang), e.issues, lang)
        raise typer.Exit(e.exit_code) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except Exception as e:
        if debug:
            raise
        from qcity.report.text import print_issues

        issue = Issue("internal-error", Location(), {"reason": f"{type(e).__name__}: {e}"})
        print_issues(_stderr_console(lang), [issue], lang)
        raise typer.Exit(EXIT_INTERNAL) from None


def _fail(issue: Issue) -> NoReturn:
    raise UsageError(issue)


def _load(catalogue: Path | None) -> Catalogue:
    from qcity.catalogue import load_catalogue

    return load_catalogue(catalogue)


def _emit(
    render: Any, output: Path | None, inputs: list[Path], color: bool | None, lang: Lang
) -> None:
    """Render with *render(stream, options)* to *output* (atomically) or stdout."""
    if output is not None:
        from qcity.files import refuse_overwrite, write_atomic

        refuse_overwrite(output, inputs)
        buffer = io.StringIO()
        render(buffer, ReportOptions(lang=lang, color=bool(color), width=100))
        write_atomic(output, buffer.getvalue())
        return
    use_color = (
        color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    )
    try:
        render(sys.stdout, ReportOptions(lang=lang, color=use_color, width=_width()))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`qcity check … | head`): stop writing, keep the exit code.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


# --- commands ----------------------------------------------------------------------------------


@app.command()
def check(
    file: Annotated[
        Path, typer.Argument(help="The submission workbook (.xlsx / .xlsm) 填报工作簿.")
    ],
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Report format.")
    ] = ReportFormat.text,
    output: OutputOpt = None,
    lang: LangOpt = LangChoice.zh,
    color: ColorOpt = None,
    max_size: MaxSizeOpt = "20MiB",
    max_inflated: MaxInflatedOpt = "4MiB",
    max_rows: MaxRowsOpt = 2_000,
    debug: DebugOpt = False,
) -> None:
    """Check a submission workbook against the catalogue 检查填报数据是否达标."""
    code = EXIT_INTERNAL
    with _guard(lang.value, debug):
        from qcity.check import check_workbook
        from qcity.package import Limits, parse_size
        from qcity.report import get_reporter

        limits = Limits(
            max_file_bytes=parse_size(max_size),
            max_inflated_bytes=parse_size(max_inflated),
            max_rows=max_rows,
        )
        cat = _load(catalogue)
        evaluation = check_workbook(file, cat, limits=limits)
        reporter = get_reporter(fmt.value)
        _emit(lambda s, o: reporter.write(evaluation, s, o), output, [file], color, lang.value)
        code = exit_code_for(evaluation)
    raise typer.Exit(code)


@catalogue_app.callback()
def catalogue_list(
    ctx: typer.Context,
    catalogue: CatalogueOpt = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.text,
    lang: LangOpt = LangChoice.zh,
    debug: DebugOpt = False,
) -> None:
    """List the indicators of the catalogue 列出指标目录 (or run a subcommand)."""
    if ctx.invoked_subcommand is not None:
        return
    with _guard(lang.value, debug):
        from qcity.report.catalogue_view import write_catalogue

        cat = _load(catalogue)
        _emit(lambda s, o: write_catalogue(cat, s, o, fmt.value), None, [], None, lang.value)


@catalogue_app.command("validate")
def catalogue_validate(
    file: Annotated[Path, typer.Argument(help="The catalogue YAML to check.", dir_okay=False)],
    plan: Annotated[
        Path | None,
        typer.Option(
            "--plan", help="Plan text: check that every quoted phrase appears in it verbatim."
        ),
    ] = None,
    lang: LangOpt = LangChoice.zh,
    debug: DebugOpt = False,
) -> None:
    """Validate a catalogue file 校验指标目录文件."""
    code = EXIT_INTERNAL
    with _guard(lang.value, debug):
        from qcity.catalogue import check_quotes
        from qcity.errors import CatalogueError

        cat = _load(file)
        if plan is not None:
            try:
                plan_text = plan.read_text(encoding="utf-8-sig")
            except OSError as e:
                _fail(
                    Issue(
                        "file-not-found",
                        Location(file=str(plan)),
                        {"path": f"{plan} ({e.strerror})"},
                    )
                )
            problems = check_quotes(cat, plan_text, str(file))
            if problems:
                raise CatalogueError(*problems)
        n = len(cat.indicators)
        meta = cat.catalogue
        if lang.value == "zh":
            msg = f"✔ {file}:指标目录有效({meta.id} v{meta.version},{n} 项指标)"
        else:
            msg = f"✔ {file}: valid catalogue ({meta.id} v{meta.version}, {n} indicators)"
        if plan is not None:
            msg += (
                ";引文均与方案原文一致" if lang.value == "zh" else "; every quote matches the plan"
            )
        typer.echo(msg)
        code = EXIT_OK
    raise typer.Exit(code)


@catalogue_app.command("schema")
def catalogue_schema(output: OutputOpt = None, debug: DebugOpt = False) -> None:
    """Print the JSON Schema of catalogue files, for editors 输出目录的 JSON Schema."""
    with _guard("en", debug):
        import json

        from qcity.catalogue import catalogue_json_schema

        text = json.dumps(catalogue_json_schema(), ensure_ascii=False, indent=2) + "\n"
        _emit(lambda s, o: s.write(text), output, [], None, "en")


def main() -> None:
    """Console-script entry point."""
    app()
