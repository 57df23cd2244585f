"""The names a park goes by in the news, from its official name and level.

常州高新技术产业开发区 (national) is also 常州高新区, 常州国家高新区, 常州国家级高新区 and 常州高新技术开发区;
北京经济技术开发区 is 北京经开区, 北京开发区, 北京国家级经开区; 苏州工业园区 is 苏州工业园.
"""

NATIONAL_ABBREVIATIONS = {
    "高新技术产业开发区": (
        "高新区",
        "国家高新区",
        "国家级高新区",
        "高新技术开发区",
        "国家高新技术产业开发区",
    ),
    "经济技术开发区": ("经开区", "开发区", "国家级经开区", "国家经开区", "国家级经济技术开发区"),
}
ABBREVIATIONS = {
    "高新技术产业开发区": ("高新区", "高新技术开发区"),
    "经济技术开发区": ("经开区", "开发区"),
    "经济开发区": ("经开区", "经济技术开发区"),
    "工业园区": ("工业园",),
    "综合保税区": ("综保区",),
}


def aliases_for(name: str, *, national: bool) -> list[str]:
    """Other names of the park, never the name itself, shortest bases excluded (高新区 alone)."""
    found: list[str] = []
    table = NATIONAL_ABBREVIATIONS if national else ABBREVIATIONS
    for suffix, short_forms in {**ABBREVIATIONS, **table}.items():
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            if len(base) >= 2:
                found += [base + short for short in short_forms]
            break
    return [alias for alias in dict.fromkeys(found) if alias != name]
