"""Issue wording: files, usage and outputs, and the files a batch reads.

Each issue code has three keys: `<code>.title`, `<code>.message` (a str.format template with the
parameters issue_types.py names) and `<code>.hint` (how to fix it).
"""

from __future__ import annotations

from qcity.lang import Lang

WORDS: dict[str, dict[Lang, str]] = {
    # --- files and usage -------------------------------------------------------------
    "file-not-found.title": {"zh": "文件不存在", "en": "File not found"},
    "file-not-found.message": {"zh": "找不到文件", "en": "no such file"},
    "file-not-found.hint": {
        "zh": "检查路径和文件名是否拼写正确",
        "en": "check the path and the file name",
    },
    "file-changed.title": {"zh": "文件在读取时被改动", "en": "File changed while being read"},
    "file-changed.message": {
        "zh": "读取期间文件被改动（可能正被 Excel 或 WPS 保存），未作判断，以免依据新旧两版的混合内容",
        "en": "the file changed while it was being read (saved again by Excel or WPS?); it is not judged on a mix of two versions",
    },
    "file-changed.hint": {
        "zh": "等保存完成后重新检查",
        "en": "check it again once it has been saved",
    },
    "lock-file.title": {"zh": "这是 Excel/WPS 的锁文件", "en": "Excel's or WPS's lock file"},
    "lock-file.message": {
        "zh": "这是 Excel 或 WPS 打开 {real} 时生成的锁文件，不是工作簿",
        "en": "this is the lock file Excel or WPS keeps while {real} is open, not a workbook",
    },
    "lock-file.hint": {
        "zh": "检查工作簿本身：qcity check {real}（先在 Excel 或 WPS 中保存）",
        "en": "check the workbook itself: qcity check {real} (save it in Excel or WPS first)",
    },
    "workbook-open.title": {"zh": "工作簿正被打开", "en": "Workbook is open"},
    "workbook-open.message": {
        "zh": "工作簿正在 Excel、WPS 或 LibreOffice 中打开（有锁文件 {lock}），未保存的修改不在检查之列",
        "en": "the workbook is open in Excel, WPS or LibreOffice (lock file {lock}); changes not yet saved are not checked",
    },
    "workbook-open.hint": {
        "zh": "先保存工作簿，再重新检查",
        "en": "save the workbook, then check it again",
    },
    "not-a-file.title": {"zh": "不是文件", "en": "Not a file"},
    "not-a-file.message": {"zh": "不是一个文件（是文件夹？）", "en": "not a file (a folder?)"},
    "not-a-file.hint": {
        "zh": "给出工作簿文件（.xlsx）的路径",
        "en": "give the path of a workbook file (.xlsx)",
    },
    "unreadable-file.title": {"zh": "无法读取文件", "en": "File cannot be read"},
    "unreadable-file.message": {"zh": "无法读取：{reason}", "en": "cannot be read: {reason}"},
    "unreadable-file.hint": {
        "zh": "检查文件权限，或把文件复制到可读的位置",
        "en": "check the file's permissions or copy it",
    },
    "not-a-workbook.title": {"zh": "不是 Excel 工作簿", "en": "Not an Excel workbook"},
    "not-a-workbook.message": {
        "zh": "不是有效的 .xlsx 工作簿（{reason}）",
        "en": "not a valid .xlsx workbook ({reason})",
    },
    "not-a-workbook.hint": {
        "zh": "用 Excel 或 WPS 打开后“另存为” Excel 工作簿（*.xlsx）再提交",
        "en": "open it in Excel or WPS and save it as an Excel workbook (*.xlsx)",
    },
    "unsupported-format.title": {"zh": "不支持的文件格式", "en": "Unsupported file format"},
    "unsupported-format.message": {
        "zh": "这是{kind}文件，qcity 只读取 .xlsx / .xlsm",
        "en": "this is {kind}; qcity reads .xlsx / .xlsm",
    },
    "unsupported-format.hint": {
        "zh": "用 Excel 或 WPS 打开后“另存为” Excel 工作簿（*.xlsx）",
        "en": "open it in Excel or WPS and save it as an Excel workbook (*.xlsx)",
    },
    "encrypted-workbook.title": {"zh": "工作簿有密码保护", "en": "Workbook is password-protected"},
    "encrypted-workbook.message": {
        "zh": "工作簿已加密（设置了打开密码），无法读取",
        "en": "the workbook is encrypted (it has an open password)",
    },
    "encrypted-workbook.hint": {
        "zh": "在 Excel/WPS 中取消“用密码进行加密”后另存为 .xlsx",
        "en": "remove the open password in Excel/WPS and save it again as .xlsx",
    },
    "file-too-large.title": {"zh": "文件超出限制", "en": "File exceeds a limit"},
    "file-too-large.message": {
        "zh": "{what}为 {actual}，超过上限 {limit}",
        "en": "{what} is {actual}, over the limit of {limit}",
    },
    "file-too-large.hint": {
        "zh": "检查文件是否正确；确属正常数据时用 {option} 放宽上限",
        "en": "check the file; if it is genuine, raise the limit with {option}",
    },
    "unsafe-xml.title": {"zh": "工作簿含有不安全的 XML", "en": "Unsafe XML in the workbook"},
    "unsafe-xml.message": {
        "zh": "部件 {part} 声明了 DTD 或实体（<!DOCTYPE …>），Excel 从不写入这种内容；为安全起见不予读取",
        "en": "the part {part} declares a DTD or entities (<!DOCTYPE …>), which Excel never writes; it is refused unread",
    },
    "unsafe-xml.hint": {
        "zh": "该文件不是由 Excel/WPS 保存的，或已被改动：请填报单位用 Excel 或 WPS 重新“另存为” .xlsx",
        "en": "the file was not saved by Excel or WPS, or was altered: ask the sender to save it again as .xlsx",
    },
    "too-many-rows.title": {
        "zh": "数据工作表行数超出限制",
        "en": "Too many rows in the data sheet",
    },
    "too-many-rows.message": {
        "zh": "第 {row} 行仍有内容，超过了 {limit} 行的上限",
        "en": "row {row} holds data, beyond the limit of {limit} rows",
    },
    "too-many-rows.hint": {
        "zh": "删除数据下方无关的行；确属正常数据时用 --max-rows 放宽上限",
        "en": "delete the unrelated rows below the data; if they are genuine, raise the limit with --max-rows",
    },
    "cell-too-long.title": {"zh": "单元格文本过长", "en": "Cell text too long"},
    "cell-too-long.message": {
        "zh": "单元格有 {length} 个字符，超过 {limit} 个（Excel 自身的上限）",
        "en": "the cell holds {length} characters, more than {limit} (Excel's own limit)",
    },
    "cell-too-long.hint": {
        "zh": "Excel 写不出这样的单元格：请填报单位用 Excel 或 WPS 重新保存，或缩短该单元格",
        "en": "Excel cannot write such a cell: ask the sender to save the file again in Excel or WPS, or shorten it",
    },
    "output-is-input.title": {"zh": "输出会覆盖输入", "en": "Output would overwrite the input"},
    "output-is-input.message": {
        "zh": "输出文件就是被检查的文件",
        "en": "the output is the file being checked",
    },
    "output-is-input.hint": {
        "zh": "为输出选一个不同的文件名",
        "en": "choose another file name for the output",
    },
    "output-exists.title": {"zh": "输出文件已存在", "en": "Output file exists"},
    "output-exists.message": {
        "zh": "{path} 已存在，不会覆盖",
        "en": "{path} exists and is not overwritten",
    },
    "output-exists.hint": {
        "zh": "另选文件名，或加 --force 覆盖（注意不要覆盖已填写的工作簿）",
        "en": "choose another name, or add --force to overwrite it (mind filled-in workbooks)",
    },
    "output-not-writable.title": {"zh": "无法写入输出文件", "en": "Output cannot be written"},
    "output-not-writable.message": {
        "zh": "无法写入输出文件：{reason}",
        "en": "the output cannot be written: {reason}",
    },
    "output-not-writable.hint": {
        "zh": "检查输出文件夹是否存在、可写且有剩余空间，文件是否正被其他程序打开；已有的同名文件保持不变",
        "en": "check that the folder exists, is writable and has space, and that no program has the file open; an existing file is left as it was",
    },
    "output-format-mismatch.title": {
        "zh": "输出文件名与格式不符",
        "en": "Output name contradicts the format",
    },
    "output-format-mismatch.message": {
        "zh": "输出文件 {path} 的后缀 {suffix} 表示 {implied} 格式，而所选格式为 {format}",
        "en": "the output {path} ends in {suffix}, which means {implied}, but the format is {format}",
    },
    "output-format-mismatch.hint": {
        "zh": "去掉 --format（格式由后缀决定），或改用与格式相符的后缀，例如 -o {example}",
        "en": "leave out --format (the suffix decides), or use a suffix that matches it, e.g. -o {example}",
    },
    "output-format-unknown.title": {
        "zh": "此命令不能输出该格式",
        "en": "Format not offered by this command",
    },
    "output-format-unknown.message": {
        "zh": "输出文件 {path} 的后缀 {suffix} 表示 {implied} 格式，此命令只能输出：{formats}",
        "en": "the output {path} ends in {suffix}, which means {implied}; this command writes: {formats}",
    },
    "output-format-unknown.hint": {
        "zh": "用 --format 选择格式，或改用相应的后缀",
        "en": "choose a format with --format, or use a suffix for one of them",
    },
    "output-required.title": {"zh": "需要输出文件", "en": "Output file required"},
    "output-required.message": {
        "zh": "{format} 格式是二进制文件，不能输出到终端",
        "en": "the {format} format is a binary file and cannot go to the terminal",
    },
    "output-required.hint": {
        "zh": "用 -o 指定输出文件，例如 -o {example}",
        "en": "name a file with -o, e.g. -o {example}",
    },
    "no-workbooks.title": {"zh": "文件夹中没有工作簿", "en": "No workbooks in the folder"},
    "no-workbooks.message": {
        "zh": "文件夹（含子文件夹）中没有 .xlsx / .xlsm 工作簿",
        "en": "the folder (and its subfolders) holds no .xlsx / .xlsm workbook",
    },
    "no-workbooks.hint": {
        "zh": "检查路径是否正确；Office 锁文件（~$…）和隐藏文件不算工作簿",
        "en": "check the path; Office lock files (~$…) and hidden files are not workbooks",
    },
    "file-skipped.title": {"zh": "批量检查跳过的文件", "en": "File skipped by the batch"},
    "file-skipped.message": {"zh": "未检查：{reason}", "en": "not checked: {reason}"},
    "file-skipped.hint": {"zh": "{fix}", "en": "{fix}"},
    "duplicate-unit.title": {"zh": "填报单位重复", "en": "Reporting unit in several files"},
    "duplicate-unit.message": {
        "zh": "填报单位“{unit}”出现在 {count} 个文件中：{files}",
        "en": "the reporting unit {unit!r} appears in {count} files: {files}",
    },
    "duplicate-unit.hint": {
        "zh": "每个填报单位每期只保留一个文件，或在各文件的“填报单位”单元格写明不同的单位",
        "en": "keep one file per unit and period, or tell them apart in their 填报单位 (unit) cells",
    },
}
