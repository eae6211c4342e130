"""What `qcity catalogue draft` recognises in a plan's text: units, numerals and the patterns of
headings, horizons and targets (compiled once, on first use)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

CN_DIGITS = "一二三四五六七八九十"
# The units a target's figure may carry, longest first so that 万元/人 wins over 万元.
UNITS = (
    "个百分点",
    "微克/立方米",
    "毫克/立方米",
    "万元/人",
    "元/人",
    "万元",
    "亿元",
    "万件",
    "万人",
    "万吨",
    "万家",
    "万个",
    "万户",
    "%",
    "％",
    "分",
    "家",
    "个",
    "项",
    "天",
    "倍",
    "件",
    "张",
    "人",
    "所",
    "座",
    "条",
    "处",
    "台",
    "户",
    "公里",
    "小时",
)
# Doubling words: 翻一番 is twice the base, 翻两番 four times.
DOUBLINGS = {"一": "2", "两": "4", "二": "4"}


@dataclass(frozen=True)
class Patterns:
    h1: re.Pattern[str]
    h2: re.Pattern[str]
    h3: re.Pattern[str]
    horizon: re.Pattern[str]
    retro: re.Pattern[str]
    segment: re.Pattern[str]
    lead: re.Pattern[str]
    document: re.Pattern[str]
    title: re.Pattern[str]
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    number_unit: re.Pattern[str]
    subject_head: re.Pattern[str]
    subject_tail: re.Pattern[str]
    splitter: re.Pattern[str]


@functools.cache
def patterns() -> Patterns:
    num = r"(?P<num>\d+(?:\.\d+)?)"
    unit = "(?P<unit>" + "|".join(re.escape(u) for u in UNITS) + ")"
    ratio = r"(?P<ratio>[∶:：]\s*1)"
    qual = r"(?P<qual>以上|以下|以内|左右)?"
    figure = rf"\s*{num}\s*(?:{ratio}|{unit})?{qual}(?![\d.年月日号])"
    stop = r"[^，,；;。]"
    rules: list[tuple[str, str]] = [
        # yes/no bottom lines
        ("never", rf"确保不发生{stop}*?(?:事故|事件)"),
        (
            "assigned",
            rf"(?:控制在|完成|实现)(?:省|市|国家|上级)(?:政府)?下达的{stop}*?(?:目标|任务|指标)(?:以内)?",
        ),
        ("reduction_goal", rf"实现{stop}{{0,6}}减排目标"),
        # changes against a base year
        (
            "base_change",
            rf"(?:较|比)(?:(?P<base>\d{{4}})年|上年|上一年)(?P<both>均)?(?P<dir>下降|降低|减少|提高|提升|增长|上升|增加){figure}",
        ),
        ("doubling", r"(?:(?:较|比)(?P<base>\d{4})年)?(?:实现)?翻(?P<times>[一两二])番"),
        ("average_growth", rf"年均(?P<dir>增长|增速|提高){figure}"),
        (
            "cumulative",
            rf"累计(?:建成|培育|创建|新增|完成|达到|认定|获得|打造|制定|修订|主导制定|制修订|推广)?{figure}",
        ),
        ("per_year", rf"(?:每年|年均)(?:新增|增加|培育|创建|建成|打造|认定){figure}"),
        ("increase", r"逐年(?:提高|提升|增长|增加)"),
        ("batch", r"建成一批"),
        ("change", rf"(?P<dir>提高|提升|下降|降低|减少){figure}"),
        (
            "compare",
            r"(?P<verb>稳定在|保持在|提高到|提高至|提升到|提升至|增长到|增加到|增至|达到|不低于|不少于"
            r"|突破|新增|高于|超过|控制在|不超过|不高于|缩小到|缩小至|降低到|降低至|降至|下降到|下降至|降到"
            r"|低于|达)" + figure,
        ),
    ]
    return Patterns(
        h1=re.compile(rf"^\s*(?P<n>[{CN_DIGITS}]+)、"),
        h2=re.compile(rf"^\s*[（(](?P<n>[{CN_DIGITS}]+)[)）]"),
        h3=re.compile(r"^\s*(?:(?P<a>\d{1,2})[.．、](?!\d)|[（(](?P<b>\d{1,2})[)）])"),
        horizon=re.compile(
            r"(?:到|至|力争到|力争)\s*(?P<y>\d{4})\s*年|(?P<z>\d{4})\s*年(?:底|末)前"
            r"|[“\"]?十(?P<plan>[四五六])五[”\"]?(?:时期)?末"
        ),
        retro=re.compile(
            r"^\s*(?:(?:截至|截止|截止到)\s*(?P<cy>\d{4})\s*年|(?P<y>\d{4})\s*年(?!\s*(?:底|末)前))"
            r"|^\s*(?:近年来|目前|当前|现有|[“\"]?十[二三四]五[”\"]?(?:期间|以来))"
        ),
        segment=re.compile(r"[^，,；;：:。]+|[：:](?=\s*1)"),
        lead=re.compile(r"[（(](?P<who>[^（）()]{1,80}?)(?:牵头|负责)[^（）()]*[)）]"),
        document=re.compile(r"[\u4e00-\u9fff]{1,12}〔\d{4}〕\d+号"),
        title=re.compile(r"《(?P<t>[^《》]{2,80}?(?:方案|规划|计划|意见|纲要))》"),
        rules=tuple((kind, re.compile(p)) for kind, p in rules),
        number_unit=re.compile(rf"{num}\s*(?:{ratio}|{unit})?{qual}"),
        subject_head=re.compile(
            r"^\s*(?:(?:到|至|力争到|力争)\s*\d{4}\s*年(?:底|末)?|\d{4}\s*年(?:底|末)前|其中|同时|并|且|使|确保|力争)+\s*"
        ),
        subject_tail=re.compile(r"(?:均|分别|要|将|的|实现|总体|继续|进一步|稳步)+$"),
        splitter=re.compile(r"[、和与及]"),
    )


# --- reading the plan ---------------------------------------------------------------------------
