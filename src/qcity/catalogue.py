"""Load and validate a catalogue; every problem becomes an issue located in the YAML file.

Longer than most modules on purpose: loading, locating pydantic's errors at YAML lines and the
JSON cache share one notion of where a value came from.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import json
import os
import stat
import types
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from qcity.errors import CatalogueError, Issue, Lang, Location, QcityError, UsageError, did_you_mean
from qcity.model import DERIVE_KINDS, Catalogue
from qcity.values import clean_text

if TYPE_CHECKING:
    import yaml

BUNDLED_NAME = "indicators.yaml"
# A catalogue is a few hundred nodes; anything expanding past this is an alias bomb.
MAX_EXPANDED_NODES = 200_000
MAX_CATALOGUE_BYTES = 5 * 1024 * 1024


def bundled_catalogue_path() -> Path:
    """The path of the catalogue shipped inside the package."""
    return Path(str(resources.files("qcity").joinpath(BUNDLED_NAME)))


def load_catalogue(path: Path | None = None, *, use_cache: bool = True) -> Catalogue:
    """Load the catalogue at *path* (the bundled one if None); raise CatalogueError listing every problem.

    A catalogue that validated once is kept as JSON in the user's cache folder, keyed by the
    hash of the file and of the models that validate it, and re-validated from there (pydantic
    parses JSON in Rust): this saves importing and running the pure-Python YAML parser on every
    command. Set QCITY_NO_CACHE=1 to switch it off, QCITY_CACHE_DIR to move it.
    """
    if path is None:
        path = bundled_catalogue_path()
        shown = BUNDLED_NAME
    else:
        shown = str(path)
    raw = _read(path, shown)
    cache = _cache_file(raw) if use_cache else None
    if cache is not None:
        cached = _from_cache(cache)
        if cached is not None:
            return cached
    text = _decode(raw, shown)
    data = parse_yaml(text, shown)
    catalogue = validate_catalogue(data, text, shown)
    if cache is not None:
        _to_cache(cache, catalogue)
    return catalogue


def _cache_file(raw: bytes) -> Path | None:
    if os.environ.get("QCITY_NO_CACHE"):
        return None
    if os.environ.get("QCITY_CACHE_DIR"):
        folder = Path(os.environ["QCITY_CACHE_DIR"])
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        folder = (Path(base) if base else Path.home() / ".cache") / "qcity"
    import hashlib

    from qcity import __version__, model

    digest = hashlib.sha256(raw)
    # The models decide what a valid catalogue is: a changed model.py invalidates the cache.
    digest.update(Path(model.__file__).read_bytes())
    digest.update(__version__.encode())
    return folder / f"catalogue-{digest.hexdigest()[:32]}.json"


def _from_cache(cache: Path) -> Catalogue | None:
    """The catalogue kept in *cache*, built without validating it again (see _trusted).

    The cache holds what qcity itself wrote (atomically) after validating the YAML, under a
    name that hashes the YAML, model.py and qcity's version. Validating it again with pydantic
    would build every model's validator (the models defer that to first use) on every command,
    the largest part of qcity's own start-up; a file that does not have the models' shape
    (damaged, or edited by hand) is a miss, and the YAML is read and validated again.
    """
    try:
        built = _trusted(Catalogue, json.loads(cache.read_bytes()))
    except (OSError, ValueError, KeyError, TypeError, ArithmeticError):
        return None  # absent, unreadable or stale: parse the YAML again
    return built if isinstance(built, Catalogue) else None


def _to_cache(cache: Path, catalogue: Catalogue) -> None:
    from qcity.files import write_atomic

    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cache, catalogue.model_dump_json())
    except (OSError, QcityError):
        pass  # a read-only home folder only costs the speed-up


def _trusted(cls: type[BaseModel], data: dict[str, Any]) -> BaseModel:
    """*cls* built from *data* as its own model_dump_json wrote it, without validation
    (model_construct, field by field, by the field's type)."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__}: not an object")
    fields = cls.model_fields
    if set(data) - set(fields) or {n for n, f in fields.items() if f.is_required()} - set(data):
        raise KeyError(f"{cls.__name__}: not the fields of the model")
    values = {name: _value(fields[name].annotation, item) for name, item in data.items()}
    return cls.model_construct(_fields_set=set(data), **values)


def _value(annotation: Any, item: Any) -> Any:
    """*item* (JSON) as a field of type *annotation* holds it."""
    if item is None:
        return None
    origin = get_origin(annotation)
    if origin is Annotated:
        return _value(get_args(annotation)[0], item)
    if origin is Union or origin is types.UnionType:
        options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) == 1:
            return _value(options[0], item)
        if isinstance(item, bool) and bool in options:
            return item  # Decimal | bool: a yes/no target
        if isinstance(item, dict):  # a discriminated union of models, by their `kind`
            for option in options:
                option = get_args(option)[0] if get_origin(option) is Annotated else option
                if not (isinstance(option, type) and issubclass(option, BaseModel)):
                    continue
                kind = option.model_fields.get("kind")
                if kind is not None and item.get("kind") in get_args(kind.annotation):
                    return _trusted(option, item)
            raise KeyError(f"no model of kind {item.get('kind')!r}")
        if isinstance(item, str) and all(get_origin(o) is Annotated or o is str for o in options):
            return item  # patterns of one str (a code, or a dotted id)
        return _value(next(o for o in options if o is not bool), item)
    if origin is list and isinstance(item, list):
        (inner,) = get_args(annotation)
        return [_value(inner, x) for x in item]
    if origin is Literal and item in get_args(annotation):
        return item
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return _trusted(annotation, item)
        if issubclass(annotation, enum.Enum):
            return annotation(item)
        if annotation is Decimal and isinstance(item, str):
            return Decimal(item)
        if annotation is dt.date and isinstance(item, str):
            return dt.date.fromisoformat(item)
        if annotation in (str, int, bool) and type(item) is annotation:
            return item
    raise TypeError(f"unexpected {annotation!r} for {item!r}")


def _read(path: Path, shown: str) -> bytes:
    where = Location(file=shown)
    try:
        info = path.stat()
        size = info.st_size
        # A FIFO or a device would block the read forever: only regular files are catalogues.
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
            raise CatalogueError(Issue("not-a-file", where, {"path": shown}))
        if size > MAX_CATALOGUE_BYTES:
            raise CatalogueError(
                Issue(
                    "catalogue-invalid",
                    where,
                    {
                        "reason": f"the file is {size:,} bytes; a catalogue is at most {MAX_CATALOGUE_BYTES:,}"
                    },
                )
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise CatalogueError(Issue("catalogue-not-found", where, {"path": shown})) from None
    except IsADirectoryError:
        raise CatalogueError(Issue("catalogue-not-found", where, {"path": shown})) from None
    except OSError as e:
        from qcity.files import os_reason

        raise CatalogueError(
            Issue("unreadable-file", where, {"path": shown, "reason": os_reason(e, writing=False)})
        ) from e


def _decode(raw: bytes, shown: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise CatalogueError(
            Issue(
                "catalogue-yaml",
                Location(file=shown),
                {"reason": f"not UTF-8 text (byte {e.start})"},
            )
        ) from e


def parse_yaml(text: str, shown: str) -> Any:
    """Parse catalogue YAML safely: syntax errors and alias bombs become located issues."""
    import yaml  # lazily: a cached catalogue never needs the YAML parser

    try:
        root = yaml.compose(text, Loader=_composer())
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark is not None else None
        reason = " ".join(str(p) for p in (e.context, e.problem) if p)
        raise CatalogueError(
            Issue("catalogue-yaml", Location(file=shown, line=line), {"reason": reason})
        ) from e
    except yaml.YAMLError as e:
        raise CatalogueError(
            Issue("catalogue-yaml", Location(file=shown), {"reason": str(e)})
        ) from e
    if root is None:
        raise CatalogueError(
            Issue("catalogue-invalid", Location(file=shown), {"reason": "the file is empty"})
        )
    expanded = _expanded_size(root, {})
    if expanded > MAX_EXPANDED_NODES:
        raise CatalogueError(
            Issue(
                "catalogue-invalid",
                Location(file=shown),
                {
                    "reason": f"aliases expand to more than {MAX_EXPANDED_NODES:,} nodes "
                    "(an alias bomb?); write the catalogue out without nested aliases"
                },
            )
        )
    return yaml.safe_load(text)


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    import yaml  # lazily: a cached catalogue never needs the YAML parser

    # Aliases make the node graph a DAG; counting with a memo never expands it.
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # guards against recursive structures while counting
    size = 1
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            size += _expanded_size(child, memo)
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            size += _expanded_size(k, memo) + _expanded_size(v, memo)
    size = min(size, MAX_EXPANDED_NODES + 1)
    memo[key] = size
    return size


def validate_catalogue(data: Any, text: str, shown: str) -> Catalogue:
    """Validate parsed YAML as a catalogue; raise CatalogueError with one issue per problem."""
    import yaml  # lazily: a cached catalogue never needs the YAML parser

    if not isinstance(data, dict):
        raise CatalogueError(
            Issue(
                "catalogue-invalid",
                Location(file=shown),
                {"reason": "the top level must be a mapping with catalogue, areas and indicators"},
            )
        )
    try:
        return Catalogue.model_validate(data)
    except ValidationError as e:
        root = yaml.compose(text, Loader=_composer())
        issues = [
            Issue(
                "catalogue-invalid",
                Location(file=shown, path=path, line=_line_of(root, loc)),
                {"reason": reason},
            )
            for loc, path, reason in _problems(e)
        ]
        raise CatalogueError(*_without_echoes(issues)) from None


def _without_echoes(issues: list[Issue]) -> list[Issue]:
    # An indicator's `target` is filled in from its last horizon when the file gives only
    # `targets`: a problem of that horizon would otherwise be told twice.
    told = {
        (i.location.path.split(".targets[")[0], i.params.get("reason"))
        for i in issues
        if i.location.path and ".targets[" in i.location.path
    }
    return [
        i
        for i in issues
        if not (
            i.location.path
            and ".target" in i.location.path
            and ".targets[" not in i.location.path
            and (i.location.path.split(".target")[0], i.params.get("reason")) in told
        )
    ]


def _problems(e: ValidationError) -> Iterator[tuple[tuple[int | str, ...], str, str]]:
    blanks: set[str] = set()
    for err in e.errors(include_url=False):
        loc = _without_tags(tuple(err["loc"]))
        if err.get("input", "") is None and err["type"] != "missing":
            # a blank (`~`) a draft left to fill: one problem, however many types a union tried
            labels = ("constrained-str", "str", "int", "decimal", "date", "bool")
            loc = tuple(part for part in loc if part not in labels)
            path = format_path(loc)
            if path not in blanks:
                blanks.add(path)
                yield loc, path, "left blank (待填): fill it in"
            continue
        ctx = err.get("ctx") or {}
        if err["type"] == "catalogue_references":
            for sub, msg in ctx["problems"]:
                yield (*loc, *sub), format_path((*loc, *sub)), msg
            continue
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = f"unknown key {loc[-1]!r}"
        elif err["type"] == "enum" and "expected" in ctx:
            msg = f"must be one of {ctx['expected']}, not {err['input']!r}"
        elif "input" in err and err["type"] not in ("missing",) and _short(err["input"]):
            msg = f"{msg} (got {_short(err['input'])})"
        yield loc, format_path(loc), msg


def _without_tags(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    # pydantic puts the tag of a discriminated union into the path (derive.cagr.base_year);
    # the YAML has no such level, so it would hide the line and confuse the reader.
    return tuple(
        part
        for n, part in enumerate(loc)
        if not (n and loc[n - 1] == "derive" and part in DERIVE_KINDS)
    )


def _short(value: object) -> str:
    if isinstance(value, (dict, list)):
        return ""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def format_path(loc: Sequence[int | str]) -> str:
    """Render a pydantic location as `indicators[4].target.op`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith(("function-", "union[")) or "[" in part:
            continue  # pydantic's internal union/validator labels are noise for users
        else:
            out += f".{part}" if out else part
    return out


def _line_of(root: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    import yaml  # lazily: a cached catalogue never needs the YAML parser

    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
            if match is None:
                # an unknown key: point at the key itself
                key = next((k for k, _ in node.value if k.value == part), None)
                return key.start_mark.line + 1 if key is not None else line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
        else:
            return line
        line = node.start_mark.line + 1
    return line


def check_quotes(catalogue: Catalogue, plan_text: str, shown: str) -> list[Issue]:
    """Issues for every quoted phrase not found verbatim in *plan_text*."""
    issues: list[Issue] = []
    entries: list[tuple[str, str]] = []
    for n, a in enumerate(catalogue.areas):
        entries.append((f"areas[{n}].source.quote", a.source.quote))
    for n, d in enumerate(catalogue.departments):
        if d.source is not None:
            entries.append((f"departments[{n}].source.quote", d.source.quote))
    for n, i in enumerate(catalogue.indicators):
        entries.append((f"indicators[{n}].source.quote", i.source.quote))
    for n, p in enumerate(catalogue.phases):
        entries.append((f"phases[{n}].source.quote", p.source.quote))
        for m, made in enumerate(p.produces):
            entries.append((f"phases[{n}].produces[{m}].quote", made.quote))
    for n, t in enumerate(catalogue.tasks):
        entries.append((f"tasks[{n}].source.quote", t.source.quote))
        for m, made in enumerate(t.deliverables):
            entries.append((f"tasks[{n}].deliverables[{m}].quote", made.quote))
    for n, r in enumerate(catalogue.reporting):
        entries.append((f"reporting[{n}].source.quote", r.source.quote))
    for path, quote in entries:
        if quote not in plan_text:
            issues.append(
                Issue(
                    "catalogue-invalid",
                    Location(file=shown, path=path),
                    {"reason": f"quote {quote!r} is not found verbatim in the plan text"},
                )
            )
    return issues


def catalogue_json_schema() -> dict[str, Any]:
    """The JSON Schema of a catalogue file, for editors."""
    schema = Catalogue.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "qcity indicator catalogue"
    return schema


def resolve_leads(catalogue: Catalogue, requested: Iterable[str]) -> list[str]:
    """The department codes named by *requested* (code, Chinese or English name); UsageError if unknown."""
    leading = [
        d for d in catalogue.departments if any(i.lead == d.code for i in catalogue.indicators)
    ]
    names: dict[str, str] = {}
    for d in leading:
        for name in (d.code, d.name.zh, d.name.en):
            names[clean_text(name).casefold()] = d.code
    chosen: list[str] = []
    for raw in requested:
        code = names.get(clean_text(raw).casefold())
        if code is None:
            close = difflib.get_close_matches(clean_text(raw), [d.code for d in leading], n=1)
            suggestion: dict[Lang, str] = did_you_mean(close)
            raise UsageError(
                Issue(
                    "unknown-department",
                    Location(),
                    {
                        "raw": raw,
                        "suggestion": suggestion,
                        "choices": "、".join(d.code for d in leading),
                    },
                )
            )
        if code not in chosen:
            chosen.append(code)
    return chosen


def _composer() -> type[yaml.SafeLoader]:
    """libyaml's safe loader where PyYAML has it, only to compose the node graph (the alias-bomb
    check and error lines): it builds no objects. Data is always built by yaml.safe_load."""
    import yaml

    composer: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return composer
