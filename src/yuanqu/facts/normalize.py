"""One-to-one character normalisation, so that offsets in the normalised text are offsets in the
original: full-width digits and signs become ASCII, and the traditional characters that matter for
numbers, units and the cue words become simplified. Chinese punctuation (，。；：) is kept: it
separates clauses. ASCII punctuation written in Chinese text, as copied pages and many portals
write it (`上半年,甲港完成…`, `目标是:`), becomes the Chinese mark it stands for, so that clause
breaks, names and metrics read the same whichever was typed; between two digits it stays what it
is there (3,100万元; 15:53).
"""

import re

_FULL_WIDTH = "０１２３４５６７８９．％～－／＋：ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
_HALF_WIDTH = "0123456789.%~-/+:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

# Traditional -> simplified, one character each. Enough for numerals, units and cue words in
# park news; a character missing here only costs a metric label its simplified form.
_TRADITIONAL = (
    "億萬兩貳參陸點負個戶項輛臺畝頃噸釐裡裏層棟間張隻顆條種類場處門筆單雙對組隊屆號圓員幣歐韓鎊"
    "額長減達約餘過於為與們這來發業產區園國際經濟開術實現總營稅財務進貿資設備廠動機車電氣導體積劃規"
    "計預標爭確將會議報據統數佔蓋優質綫線環境綠農醫藥療氫儲鋰網絡訊軟雲創險築強級東廣蘇滬閩贛魯粵瓊"
    "貴陝寧遼龍灣陽鄉鎮縣銷售訂價採購專獨頭許幾內簽竣萊紡織務學術鏈聯齊興盤屬倉儲運輸僅較兆擁輪傳"
    "書產騰飛勢務華歲圖覽歷紀錄從舉辦頒獎彙匯圍衛視聽維護節權質營億"
)
_SIMPLIFIED = (
    "亿万两贰叁陆点负个户项辆台亩顷吨厘里里层栋间张只颗条种类场处门笔单双对组队届号圆员币欧韩镑"
    "额长减达约余过于为与们这来发业产区园国际经济开术实现总营税财务进贸资设备厂动机车电气导体积划规"
    "计预标争确将会议报据统数占盖优质线线环境绿农医药疗氢储锂网络讯软云创险筑强级东广苏沪闽赣鲁粤琼"
    "贵陕宁辽龙湾阳乡镇县销售订价采购专独头许几内签竣莱纺织务学术链联齐兴盘属仓储运输仅较兆拥轮传"
    "书产腾飞势务华岁图览历纪录从举办颁奖汇汇围卫视听维护节权质营亿"
)

TABLE = str.maketrans(_FULL_WIDTH + _TRADITIONAL + "　", _HALF_WIDTH + _SIMPLIFIED + " ")
_REPLACEMENT = {chr(key): chr(value) for key, value in TABLE.items()}
# A full-width comma inside a number is a thousands separator when the digits are full-width
# (１，２３４) or a decimal part follows the group (82，225.00); between ASCII digits otherwise it
# separates list items (20，300美元). One pass changes both.
_THOUSANDS = r"，(?:(?<=[０-９]，)(?=[０-９]{3}(?![０-９]))|(?<=[0-9]，)(?=[0-9]{3}[.,][0-9]))"
_CHANGED = re.compile("[" + re.escape(_FULL_WIDTH + _TRADITIONAL + "　") + "]|" + _THOUSANDS)
_REPLACEMENT["，"] = ","  # matched only as a thousands separator


# ASCII , ; : ( ) ! ? in Chinese text: not between two digits (a thousands separator, a time),
# and , : ; ! ? only next to a CJK character or a closing mark (not in English or a URL).
_CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’"
_ASCII_MARKS = re.compile(
    rf"(?:(?<=[{_CJK}])[,;:!?]|[,;:!?](?=[{_CJK}])|(?<![0-9])[,:](?![0-9])(?=[{_CJK}]))"
    r"|[()](?=[^()\n]*[\u4e00-\u9fff])"
)
_CHINESE_MARK = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


def _chinese_mark(match: re.Match) -> str:
    mark = match[0]
    start = match.start()
    text = match.string
    if (
        mark in ",:"
        and start
        and text[start - 1].isdigit()
        and text[start + 1 : start + 2].isdigit()
    ):
        return mark
    return _CHINESE_MARK[mark]


def normalize(text: str) -> str:
    """The same text, character for character, in the forms the grammar matches."""
    # Most texts need a handful of characters changed, if any: substituting just those is much
    # faster than translating every character through the table.
    text = _CHANGED.sub(lambda match: _REPLACEMENT[match[0]], text)
    if "," in text or ";" in text or ":" in text or "(" in text or "!" in text or "?" in text:
        text = _ASCII_MARKS.sub(_chinese_mark, text)
    return text
