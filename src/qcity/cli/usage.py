"""Usage errors and help in the user's language.

Every command-line error (a bad option value, a missing argument, an unknown option or
command) is caught in `QcityGroup.main` and said in one line and a hint, in zh or en, exit 2:
the language is --lang's if it parses, else QCITY_LANG's, else the locale's, else zh
(qcity.render.i18n.default_lang). The wording is in qcity.render.i18n. Only typer is imported here: `--help`
and usage errors stay fast.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer import _click as click
from typer.core import TyperGroup

from qcity.cli.outcome import EXIT_USAGE, exit_code
from qcity.lang import Lang
from qcity.render.i18n import LIST_SEPARATOR, default_lang, language_of, say


class Wrong(typer.BadParameter):
    """A usage error of qcity's own, said in the user's language: a key of qcity.render.i18n.WORDS and
    its parameters (each a text, or a zh/en pair)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(say(key, "en", **_in("en", params)))

    def said(self, lang: Lang) -> str:
        return say(self.key, lang, **_in(lang, self.params))


def _in(lang: Lang, params: dict[str, object]) -> dict[str, object]:
    return {k: (v[lang] if isinstance(v, dict) else v) for k, v in params.items()}


def args_lang(args: Sequence[str]) -> Lang | None:
    """The language --lang names in *args* (the last one given), if any and if it parses."""
    found: Lang | None = None
    for n, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(args):
            found = language_of(args[n + 1]) or found
        elif arg.startswith("--lang="):
            found = language_of(arg.split("=", 1)[1]) or found
    return found


def session_lang(args: Sequence[str]) -> Lang:
    """The language of usage errors and help: --lang, QCITY_LANG, the locale, zh."""
    return args_lang(args) or default_lang()


def _option_name(param: Any) -> str:
    opts = [*getattr(param, "opts", [])]
    longest = [o for o in opts if o.startswith("--")]
    if longest:
        return str(longest[0])
    if opts and param.param_type_name == "argument":
        return str(param.display_name_raw)
    return opts[0] if opts else str(getattr(param, "name", "?"))


def _raw_value(param: Any, args: Sequence[str]) -> tuple[str | None, str | None]:
    """The text given for *param* on the command line (the last), else in its environment
    variable: (value, variable name or None)."""
    opts = list(getattr(param, "opts", []))
    value: str | None = None
    for n, arg in enumerate(args):
        for opt in opts:
            if arg == opt and n + 1 < len(args):
                value = args[n + 1]
            elif opt.startswith("--") and arg.startswith(opt + "="):
                value = arg.split("=", 1)[1]
            elif not opt.startswith("--") and arg.startswith(opt) and len(arg) > len(opt):
                value = arg[len(opt) :]
    if value is not None:
        return value, None
    envvar = getattr(param, "envvar", None)
    for name in [envvar] if isinstance(envvar, str) else list(envvar or []):
        if os.environ.get(name) is not None:
            return os.environ[name], name
    return None, None


def _bad_parameter(e: Any, args: Sequence[str], lang: Lang) -> str:
    if isinstance(e, Wrong):
        return e.said(lang)
    param = e.param
    if param is None:
        return say("usage-other", lang)
    opt = _option_name(param)
    value, envvar = _raw_value(param, args)
    shown = value if value is not None else ""
    suffix = say("env-value", lang, envvar=envvar) if envvar else ""
    desc = getattr(param, "type_descriptor", None)
    info = getattr(desc, "parameter_info", None)
    choices = getattr(desc, "choices", None) if desc is not None else None
    name = getattr(param, "name", "")
    if name == "lang":
        return say("not-a-language", lang, opt=opt, value=shown) + suffix
    if choices:
        names = [str(getattr(c, "value", c)) for c in choices]
        text = say(
            "invalid-choice", lang, opt=opt, value=shown, choices=LIST_SEPARATOR[lang].join(names)
        )
        return text + suffix
    if name == "today":
        return say("not-a-date", lang, opt=opt, value=shown) + suffix
    if name in ("max_size", "max_inflated"):
        return say("not-a-size", lang, opt=opt, value=shown) + suffix
    if desc is not None and _is_int(getattr(desc, "annotation", None)):
        try:
            number = int(shown)
        except ValueError:
            return say("not-an-integer", lang, opt=opt, value=shown) + suffix
        low = getattr(info, "min", None)
        high = getattr(info, "max", None)
        if low is not None and high is not None:
            return say("range-min-max", lang, opt=opt, value=number, min=low, max=high) + suffix
        if low is not None:
            return say("range-min", lang, opt=opt, value=number, min=low) + suffix
        if high is not None:
            return say("range-max", lang, opt=opt, value=number, max=high) + suffix
    return say("invalid-value", lang, opt=opt, value=shown) + suffix


def _is_int(annotation: Any) -> bool:
    return annotation is int or set(getattr(annotation, "__args__", ())) == {int, type(None)}


_NO_COMMAND = re.compile(r"No such command '(?P<name>.*?)'\.(?: Did you mean (?P<close>.*)\?)?")
_EXTRA = re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)")


def message(e: Any, args: Sequence[str], lang: Lang) -> str:
    """The one line a click usage error *e* is said in, in *lang*."""
    if isinstance(e, click.exceptions.MissingParameter) and e.param is not None:
        kind = "missing-argument" if e.param.param_type_name == "argument" else "missing-option"
        name = e.param.display_name_raw if kind == "missing-argument" else _option_name(e.param)
        return say(kind, lang, name=name)
    if isinstance(e, click.exceptions.BadParameter):
        return _bad_parameter(e, args, lang)
    if isinstance(e, click.exceptions.NoSuchOption):
        text = say("no-such-option", lang, opt=e.option_name)
        if e.possibilities:
            text += say("did-you-mean", lang, names=LIST_SEPARATOR[lang].join(e.possibilities))
        return text
    if isinstance(e, click.exceptions.BadOptionUsage):
        return say("needs-value", lang, opt=e.option_name)
    found = _NO_COMMAND.match(e.message)
    if found:
        text = say("no-such-command", lang, name=found["name"])
        if found["close"]:
            names = [n.strip().strip("'") for n in found["close"].split(",")]
            text += say("did-you-mean", lang, names=LIST_SEPARATOR[lang].join(names))
        return text
    extra = _EXTRA.match(e.message)
    if extra:
        return say("extra-arguments", lang, args=extra["args"])
    return say("usage-other", lang) if lang == "zh" else e.format_message()


def show(e: Any, args: Sequence[str]) -> None:
    """Print the usage error *e*: one line, then a hint naming the command's help."""
    lang = session_lang(args)
    ctx = getattr(e, "ctx", None)
    command = ctx.command_path if ctx is not None else "qcity"
    sys.stderr.write(say("error", lang) + message(e, args, lang) + "\n")
    sys.stderr.write(say("hint", lang) + say("see-help", lang, command=command) + "\n")


class QcityFormatter(click.HelpFormatter):
    """click's help formatter, its fixed words (Usage, Options, required …) in LANG."""

    lang: Lang = "zh"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        from qcity.cli.help_words import HEADINGS

        super().write_usage(prog, args, HEADINGS["Usage: "][self.lang])

    def write_heading(self, heading: str) -> None:
        from qcity.cli.help_words import HEADINGS

        word = HEADINGS.get(heading, {"zh": heading, "en": heading})[self.lang]
        if self.lang == "zh":
            self.write(f"{'':>{self.current_indent}}{word}：\n")
        else:
            super().write_heading(word)

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        if self.lang == "zh":
            rows = [(term, _extras_zh(text)) for term, text in rows]
        super().write_dl(rows, *args, **kwargs)


def _extras_zh(text: str) -> str:
    """`[env var: X; default: zh; required]` as `［环境变量：X；默认：zh；必填］`."""
    from qcity.cli.help_words import EXTRAS

    found = re.search(r"\s*\[([^\[\]]*)\]$", text)
    if not found:
        return text
    inner = found[1]
    for word, pair in EXTRAS.items():
        inner = inner.replace(word, pair["zh"])
    inner = inner.replace("; ", "；").replace("x>=", "≥").replace("<=x<=", "～")
    return text[: found.start()] + f"（{inner}）"


class QcityContext(click.Context):
    formatter_class = QcityFormatter


def _commands(command: Any, path: str = "") -> list[tuple[str, Any]]:
    found = [(path, command)]
    for name, sub in getattr(command, "commands", {}).items():
        found += _commands(sub, f"{path} {name}".strip())
    return found


def localize(root: Any, lang: Lang, given_lang: Lang | None) -> None:
    """Put the help of *root*'s commands in *lang* (qcity.cli.help_words), and make *given_lang*
    (--lang before the command) or else the default language (QCITY_LANG, the locale) the
    default of every --lang."""
    from qcity.cli.help_words import HELP, METAVARS

    QcityFormatter.lang = lang
    for path, command in _commands(root):
        command.context_class = QcityContext
        text = HELP.get(f"cmd:{path}")
        if text is not None:
            command.help = text[lang]
            command.short_help = None
        for param in command.params:
            name = param.name or ""
            words = HELP.get(f"{name}@{path}") or HELP.get(name)
            if words is not None:
                param.help = words[lang]
            metavar = METAVARS.get(f"{name}@{path}") or METAVARS.get(name)
            if metavar is not None:
                param.metavar = metavar[lang]
            if param.param_type_name == "argument":
                # The argument's name says what it is; no <list[Path]> beside it.
                param.display_type_rich = lambda ctx: None
                if metavar is not None:
                    shown = metavar[lang]
                    param._usage_display_name = lambda shown=shown: shown
            if name == "lang":
                param.default = given_lang or default_lang()
                if given_lang is not None:
                    param.envvar = None  # --lang before the command outranks QCITY_LANG
        help_option = command.get_help_option(click.Context(command))
        if help_option is not None:
            help_option.help = HELP["help"][lang]


def split_lang(args: Sequence[str]) -> tuple[Lang | None, list[str]]:
    """--lang given before the command (`qcity --lang en check …`): its language, and the
    arguments without it."""
    rest = list(args)
    for n, arg in enumerate(rest):
        if not arg.startswith("-") or arg == "--":
            break
        if arg == "--lang" and n + 1 < len(rest):
            value = rest[n + 1]
            lang = language_of(value)
            if lang is None:
                raise Wrong("not-a-language", opt="--lang", value=value)
            return lang, rest[:n] + rest[n + 2 :]
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            lang = language_of(value)
            if lang is None:
                raise Wrong("not-a-language", opt="--lang", value=value)
            return lang, rest[:n] + rest[n + 1 :]
    return None, rest


class QcityGroup(TyperGroup):
    """qcity's command groups: usage errors in the user's language (see the module)."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        given = list(sys.argv[1:] if args is None else args)
        try:
            first, rest = split_lang(given)
        except Wrong as e:
            show(e, given)
            sys.exit(EXIT_USAGE)
        localize(self, first or session_lang(given), first)
        if not standalone_mode:
            return super().main(rest, prog_name, complete_var, standalone_mode, **extra)
        try:
            result = super().main(rest, prog_name, complete_var, False, **extra)
        except click.exceptions.ClickException as e:
            if isinstance(e, click.exceptions.UsageError):
                show(e, given)
            else:
                e.show()
            sys.exit(exit_code(e))
        except typer.Abort as e:
            sys.stderr.write(say("aborted", session_lang(given)) + "\n")
            sys.exit(exit_code(e))
        sys.exit(result if isinstance(result, int) else 0)
