"""Wording the core and the readers put into issue parameters: each filled in in both languages
(`pair`, `join`, `listing` in render/i18n) where the issue is raised, so an issue stays data."""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    # --- separators and empty parts ----------------------------------------------------------
    "sep-list": {"zh": "、", "en": ", "},
    "sep-clause": {"zh": "；", "en": "; "},
    "sep-option": {"zh": "、", "en": ","},  # --lead a,b: the command line's own list
    "nothing": {"zh": "", "en": ""},
    "is-it": {"zh": "，是否为 {close}？", "en": "; did you mean {close}?"},
    "sep-and": {"zh": " 和 ", "en": " and "},
    # --- values (values.py): what a cell should hold -------------------------------------------
    "expected-percent": {"zh": "百分数", "en": "a percentage"},
    "expected-ratio": {"zh": "比值", "en": "a ratio"},
    "expected-count": {"zh": "个数", "en": "a count"},
    "expected-boolean": {"zh": "是/否", "en": "yes or no"},
    "expected-amount": {"zh": "数值", "en": "a number"},
    "example-percent": {
        "zh": "百分数，例如 95.3 或 95.3%",
        "en": "a percentage, e.g. 95.3 or 95.3%",
    },
    "example-ratio": {"zh": "比值，例如 2.47 或 2.47∶1", "en": "a ratio, e.g. 2.47 or 2.47∶1"},
    "example-count": {"zh": "个数，例如 3 或 3个", "en": "a count, e.g. 3 or 3个"},
    "example-boolean": {"zh": "“是”或“否”", "en": "是 or 否 (yes or no)"},
    "example-amount": {"zh": "数值，例如 1200 或 1,200", "en": "a number, e.g. 1200 or 1,200"},
    # --- rows of the data sheet (validate.py, districts.py) ------------------------------------
    "indicator-in-district": {"zh": "{code}（{district}）", "en": "{code} ({district})"},
    "column-numerator": {"zh": "分子", "en": "numerator"},
    "column-denominator": {"zh": "分母", "en": "denominator"},
    "fill-from-series": {
        "zh": "{code} 由序列表计算：在序列表中填写 {series}，或在实际值中直接填写该指标；清空分子、分母",
        "en": "{code} is computed from the series sheet: give {series} there, or the figure itself "
        "in 实际值 (value); clear the numerator and denominator",
    },
    "fill-the-value": {
        "zh": "在实际值中直接填写该指标；清空分子、分母",
        "en": "give the figure itself in 实际值 (value); clear the numerator and denominator",
    },
    "fraction-at": {
        "zh": "{numerator} / {denominator}（{cells}）",
        "en": "{numerator} / {denominator} ({cells})",
    },
    "district-sums": {
        "zh": "{n} 个区县的分子合计 {numerator} / 分母合计 {denominator} ",
        "en": "the numerators ({numerator}) and denominators ({denominator}) of {n} districts summed",
    },
    # --- why reading or writing failed (files.py os_reason), by errno ----------------------------
    "os-enoent": {"zh": "文件夹不存在", "en": "the folder does not exist"},
    "os-enotdir": {"zh": "路径中有一段不是文件夹", "en": "a part of the path is not a folder"},
    "os-eisdir": {"zh": "这是一个文件夹，不是文件", "en": "it is a folder, not a file"},
    "os-erofs": {"zh": "文件系统只读", "en": "read-only file system"},
    "os-enospc": {"zh": "磁盘空间不足", "en": "no space left on device"},
    "os-edquot": {"zh": "超出磁盘配额", "en": "disk quota exceeded"},
    "os-enametoolong": {"zh": "文件名太长", "en": "file name too long"},
    "os-eio": {"zh": "读写设备出错", "en": "input/output error"},
    "os-ebusy": {"zh": "文件或设备正忙", "en": "device or resource busy"},
    "os-etxtbsy": {"zh": "文件正被占用", "en": "text file busy"},
    "os-eloop": {"zh": "符号链接循环", "en": "too many levels of symbolic links"},
    "os-emfile": {"zh": "打开的文件过多", "en": "too many open files"},
    "os-enfile": {"zh": "系统打开的文件过多", "en": "too many open files in the system"},
    "os-eexist": {"zh": "文件已存在", "en": "the file exists"},
    "os-einval": {
        "zh": "参数无效（文件名含不允许的字符？）",
        "en": "invalid argument (a character the file system refuses?)",
    },
    "os-enxio": {"zh": "设备不存在", "en": "no such device"},
    "os-eagain": {"zh": "暂时不可用，请重试", "en": "temporarily unavailable, try again"},
    "os-enodev": {"zh": "设备不存在", "en": "no such device"},
    "os-exdev": {"zh": "不能跨设备移动", "en": "cross-device link"},
    "os-enoent-reading": {"zh": "文件不存在", "en": "no such file"},
    "os-eacces-writing": {"zh": "没有写入权限", "en": "permission denied"},
    "os-eacces-reading": {"zh": "没有读取权限", "en": "permission denied"},
    "os-other": {"zh": "系统错误", "en": "{strerror}"},  # the system's own text in en
    "os-reason-named": {"zh": "{reason}（{name}）", "en": "{reason} ({name})"},
    # --- the file and its zip container (zipguard.py): not-a-workbook reasons -------------------
    "file-empty": {"zh": "文件是空的", "en": "the file is empty"},
    "zip-damaged": {"zh": "压缩包已损坏", "en": "the zip container is damaged"},
    "content-unrecognised": {"zh": "无法识别的文件内容", "en": "unrecognised content"},
    "file-damaged": {
        "zh": "文件已损坏或不完整（{error}）",
        "en": "the file is damaged or incomplete ({error})",
    },
    "zip-too-many-parts": {
        "zh": "压缩包内有 {count} 个部件，工作簿不会超过 {most} 个",
        "en": "the zip holds {count} parts; a workbook has fewer than {most}",
    },
    "zip-no-workbook-part": {
        "zh": "压缩包里没有工作簿部件 xl/workbook.xml",
        "en": "the zip has no xl/workbook.xml part",
    },
    "part-unopenable": {
        "zh": "部件 {part} 无法打开（{error}）",
        "en": "the part {part} cannot be opened ({error})",
    },
    "part-damaged": {
        "zh": "部件 {part} 已损坏（{error}）",
        "en": "the part {part} is damaged ({error})",
    },
    "no-readable-sheet": {
        "zh": "工作簿里没有可读的工作表（工作表部件缺失）",
        "en": "the workbook has no readable sheet (its sheet parts are missing)",
    },
    # --- what a file is when it is not a workbook (unsupported-format's kind) -----------------
    # the .xls bracket is half-width in zh today (outputs are kept byte-identical in this move)
    "kind-xls": {"zh": "旧版 Excel 97-2003(.xls)", "en": "a legacy Excel 97-2003 (.xls) file"},
    "kind-pdf": {"zh": "PDF", "en": "a PDF file"},
    "kind-html": {"zh": "网页（HTML）", "en": "a web page (HTML)"},
    "kind-text": {"zh": "文本/CSV", "en": "a text or CSV file"},
    "kind-fods": {
        "zh": "OpenDocument 平面 XML 表格（.fods）",
        "en": "a flat OpenDocument spreadsheet (.fods)",
    },
    "kind-xml-2003": {"zh": "Excel 2003 XML 表格", "en": "an Excel 2003 XML spreadsheet"},
    "kind-xml": {
        "zh": "XML（Excel 2003 XML 表格？）",
        "en": "an XML file (an Excel 2003 XML spreadsheet?)",
    },
    "kind-ods": {"zh": "OpenDocument 表格（.ods）", "en": "an OpenDocument spreadsheet (.ods)"},
    "kind-docx": {"zh": "Word 文档", "en": "a Word document"},
    "kind-numbers": {
        "zh": "Apple Numbers 表格（.numbers）",
        "en": "an Apple Numbers spreadsheet (.numbers)",
    },
    "kind-xlsb": {"zh": "Excel 二进制工作簿（.xlsb）", "en": "an Excel binary workbook (.xlsb)"},
    "kind-strict": {"zh": "Strict Open XML 电子表格", "en": "an Excel Strict Open XML spreadsheet"},
    # --- limits (file-too-large's what) ---------------------------------------------------------
    "file-size": {"zh": "文件大小", "en": "the file size"},
    "inflated-size-up-to": {
        "zh": "解压后大小（截至部件 {part}）",
        "en": "the uncompressed size up to part {part}",
    },
    "xml-tags-up-to": {
        "zh": "XML 标签数（截至部件 {part}）",
        "en": "the number of XML tags up to part {part}",
    },
    # --- reading a workbook (workbook/*, xmlguard.py) ------------------------------------------
    "chart-sheet": {"zh": "{name}（图表工作表）", "en": "{name} (chart sheet)"},
    "column-value": {"zh": "“实际值”", "en": "实际值 (value)"},
    "cell-error-value": {"zh": "错误值", "en": "an error value"},
    "cell-logical-value": {"zh": "逻辑值", "en": "a TRUE/FALSE value"},
    "cell-number": {"zh": "数字", "en": "a number"},
    "cell-date": {"zh": "日期", "en": "a date"},
    "the-workbook": {"zh": "工作簿", "en": "the workbook"},
    "contents-unreadable": {
        "zh": "{part} 的内容无法解析：{detail}",
        "en": "the contents of {part} cannot be read: {detail}",
    },
    # the zh bracket is half-width today (outputs are kept byte-identical in this move)
    "part-not-xml": {
        "zh": "部件 {part} 不是有效的 XML({reason})",
        "en": "the part {part} is not well-formed XML ({reason})",
    },
    "interrupted": {"zh": "已中断", "en": "interrupted"},
    "terminated": {"zh": "已终止", "en": "terminated"},
    # --- the series sheet (series.py) ---------------------------------------------------------
    "basis-name": {"zh": "{name}", "en": "{code}"},  # a basis (口径): its name in zh, code in en
    "latest-series-year": {
        "zh": "序列表中有数据的最新年份 {year}",
        "en": "the latest year in the series sheet, {year}",
    },
    # --- template drift (drift.py) -------------------------------------------------------------
    "drift-no-target-changed": {
        "zh": "模板所列指标的目标没有变化",
        "en": "no target of the template's indicators changed",
    },
    "drift-gone": {"zh": "{code} 已不在目录中", "en": "{code} is no longer in the catalogue"},
    "drift-unreadable": {
        "zh": "{code} 模板中的目标无法识别（“{spec}”）",
        "en": "{code}: the template's target {spec!r} cannot be read",
    },
    "drift-changed": {"zh": "{code} 目标 {was} → {now}", "en": "{code} target {was} → {now}"},
    "drift-new": {
        "zh": "{code} 为新增指标（目标 {target}）",
        "en": "{code} is new (target {target})",
    },
    # --- derived indicators (derive.py) --------------------------------------------------------
    "series-year": {"zh": "{series} {year} 年", "en": "{series} {year}"},
    "series-basis": {"zh": "{series} {name}", "en": "{series} {code}"},
    "base-year-intensity": {
        "zh": "{year} 年的强度 {numerator} / {denominator}",
        "en": "the {year} intensity {numerator} / {denominator}",
    },
    "reported-at-series": {"zh": "（{series} {first}–{last}）", "en": " ({series} {first}–{last})"},
    "reported-at-its-location": {"zh": " ", "en": ""},  # the issue's location says where
    "computed-from-levels": {
        "zh": "{levels} {base}–{year}（{first}、{last}）",
        "en": "{levels} {base}–{year} ({first}, {last})",
    },
    "inputs-at": {"zh": "{head}（{cells}）", "en": "{head} ({cells})"},
    "fallback-invalid": {"zh": "填报值也有误", "en": "the reported figure is invalid too"},
    "fallback-nothing": {"zh": "也没有填报值", "en": "and nothing was reported"},
    "fallback-reported": {
        "zh": "改用填报值 {raw}（{where}）",
        "en": "the reported {raw} ({where}) is used instead",
    },
    "missing-series": {"zh": "{code}（表中无此序列）", "en": "{code} (no such row)"},
    "missing-year-at": {"zh": "{year}（{where}）", "en": "{year} ({where})"},
    "missing-year-no-column": {"zh": "{year}（无此年份列）", "en": "{year} (no such column)"},
    "missing-year-no-row": {"zh": "{year}（表中无此序列）", "en": "{year} (no such row)"},
    "series-missing-years": {"zh": "{code} {years}", "en": "{code} {years}"},
}
