"""The notice classifier on notices written the way WeCom and administrators phrase them.

None of these notices is copied from the source text: real notices paraphrase.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.rules.catalogue import load_catalogue
from app.rules.classifier import classify_notice, normalise

CATALOGUE = load_catalogue()

NOTICES_ZH: dict[str, list[str]] = {
    "harassment": [
        "经核实，该成员近期频繁向客户推送广告，引起大量用户反感并被投诉，现已被限制使用与微信互通的功能3天。",
        "你的账号存在骚扰用户行为，暂时无法向微信用户发送消息。",
        "由于多名微信用户反馈收到该账号发送的营销消息，账号已被限制添加客户，请规范使用。",
        "该成员因发送骚扰信息被限制使用互通功能，首次违规，管理员可申请解封。",
    ],
    "inducing_sharing": [
        "该成员发送“转发至朋友圈即可领取红包”等诱导分享内容，已被限制使用互通功能。",
        "检测到你的账号引导客户将活动海报分享到朋友圈并集赞换礼品，违反使用规范。",
        "你向客户发送了以奖励利诱用户转发朋友圈的内容，账号暂时被限制与微信用户互通。",
    ],
    "malicious_adding": [
        "该成员短时间内大量添加微信用户为外部联系人，被多名用户投诉，已被禁止使用互通功能。",
        "你的账号添加好友过于频繁，疑似恶意添加外部联系人，暂时无法添加客户。",
        "检测到该账号通过搜索手机号批量加好友，对微信用户造成打扰，互通功能已被限制24小时。",
    ],
    "linked_wechat": [
        "该成员绑定的微信号因违反微信相关规定已被封禁，企业微信暂时无法使用互通功能，微信号解封后将自动恢复。",
        "由于你关联的微信账号存在违规行为被处罚，在微信账号恢复正常之前，你将无法与微信用户互通。",
        "你的微信账号已被限制登录，受其影响，企业微信与微信互通的相关功能暂不可用，待微信解封后24小时内自动解除。",
    ],
    "plugin": [
        "检测到你的账号使用非官方插件登录企业微信，账号已被永久封禁。",
        "该成员使用第三方多开软件自动添加好友，违反企业微信使用规范，账号已被封。",
        "经系统检测，该账号存在利用外挂工具规避群发次数限制的行为，已永久停用。",
    ],
    "malicious_registration": [
        "该企业微信账号存在批量注册行为，已被封禁。",
        "经核实，该账号系使用他人身份信息注册，且存在买卖账号行为，现予以永久封号处理。",
        "你的账号因频繁注册并滥用多个企业微信账号被永久封禁。",
    ],
    "account_info": [
        "你的账号头像及名称含有违法和不良信息，账号已被封禁。",
        "该成员在个人资料中冒充他人并擅自使用他人肖像，已被永久禁止使用。",
        "账号昵称涉嫌侵犯他人商标权，违反《企业微信用户账号使用规范》，已被封号。",
    ],
    "order_brushing": [
        "该成员向客户发送“好评返现”“刷单兼职”等内容，账号已被永久封禁。",
        "检测到你的账号组织用户进行虚假交易、刷销量，违反平台规定。",
        "你发送了引导用户给竞争对手恶意下单并制造刷单假象的内容，已被封号。",
    ],
    "security_threat": [
        "该账号发送了钓鱼链接，诱导用户填写账号密码，已被封禁。",
        "检测到你的账号传播含有木马病毒的文件，危害企业微信安全，账号已被永久封禁。",
        "该成员多次发送仿冒官方登录页面的恶意网址，已被封号处理。",
    ],
    "infringement": [
        "该成员在群聊中公开他人手机号、住址等隐私信息，已被永久封禁。",
        "你的账号发送了侮辱、诽谤他人的内容，侵犯他人名誉权，账号已被封禁。",
        "检测到你发送大量盗版影视资源，涉嫌侵犯著作权。",
    ],
    "pornography": [
        "该账号发送淫秽色情图片，已被永久封禁。",
        "你的账号存在招嫖、发布低俗擦边内容等违规行为。",
        "该成员向用户推送约炮、一夜情等信息，账号已封。",
    ],
    "violence": [
        "该账号传播虐待动物的血腥视频，已被永久封禁。",
        "你的账号涉嫌售卖仿真枪、管制刀具等违禁物品，已被封号。",
        "检测到该成员发送宣扬自残、自杀的内容，账号已被封禁。",
    ],
    "gambling": [
        "该成员在群内组织网络赌博，拉人下注，已被永久封禁。",
        "你的账号推广线上博彩平台并传授出千技巧，违反使用规范。",
        "检测到该账号发送六合彩、赌球等信息，已封号。",
    ],
    "gang_terror": [
        "该成员发布替人讨债、暴力催收等信息，账号已被永久封禁。",
        "你的账号传播恐怖主义宣传视频，已被封禁。",
        "检测到该账号招募帮派成员、宣扬黑社会组织，已被永久停用。",
    ],
    "illegal_goods": [
        "该成员发送代开发票广告，账号已被永久封禁。",
        "你的账号兜售假烟、走私货物，已被封号。",
        "检测到该账号提供办证、刻章及手机复制卡服务，已永久封禁。",
    ],
    "fraud": [
        "该成员以高额回报为诱饵发布投资理财骗局，已被永久封禁。",
        "你的账号发布保健品虚假宣传，夸大产品功效，已被封禁。",
        "检测到该账号发展下线、拉人头，涉嫌传销，账号已被封。",
    ],
    "false_information": [
        "该成员散布不实信息，造成不良影响，账号已被永久封禁，企业账号同时被封。",
        "你的账号传播谣言并宣扬封建迷信，已被封号。",
        "检测到该账号编造、传播虚假新闻，已被永久封禁。",
    ],
    "other_illegal": [
        "该成员发送违反国家法律法规的内容，账号已被永久封禁。",
        "你的账号发布违法违规信息，已被封号。",
        "检测到该账号发送其他违反法律、行政法规的内容。",
    ],
}

NOTICES_EN: dict[str, list[str]] = {
    "harassment": [
        "This member has been sending frequent marketing messages to WeChat users and received "
        "multiple complaints. Interoperability features are restricted for 3 days.",
        "Your account was reported for harassing customers. You temporarily cannot message "
        "WeChat users.",
        "We detected spam-like promotional content sent from this account. The account can no "
        "longer add WeChat contacts for 7 days.",
    ],
    "inducing_sharing": [
        "This account sent content that induces users to share posts to Moments in exchange "
        "for rewards.",
        "Your member account asked customers to collect likes on Moments to receive gifts, "
        "which violates the usage rules.",
        "The member pressured customers into sharing promotional content to their Moments. "
        "Interworking has been suspended temporarily.",
    ],
    "malicious_adding": [
        "This account added external contacts too frequently and was reported by WeChat "
        "users. Interoperability is disabled for 24 hours.",
        "We detected bulk friend requests from your account to phone numbers found by search.",
        "Malicious adding of external contacts: the member can't add customers for a short "
        "period.",
    ],
    "linked_wechat": [
        "The WeChat account linked to this member was banned for violating WeChat's rules. "
        "WeChat interoperability is unavailable until the WeChat account is unblocked.",
        "Because your bound WeChat account has been restricted, interworking functions will "
        "be disabled until it is restored.",
        "This member's personal WeChat account is suspended; interoperability will be restored "
        "automatically within 24 hours after the WeChat account is unblocked.",
    ],
    "plugin": [
        "Your account was permanently banned for using an unofficial third-party client to "
        "log in.",
        "We detected a multi-open tool and automated friend-adding software on this account.",
        "This member used scripts to get around the limit on mass messages. The account is "
        "banned permanently.",
    ],
    "malicious_registration": [
        "This account was registered in bulk together with many others and has been banned.",
        "Your account was banned for registering with someone else's identity information and "
        "trading WeCom accounts.",
        "We found that this enterprise repeatedly registered multiple WeCom accounts and sold "
        "them.",
    ],
    "account_info": [
        "The avatar and nickname of this account contain illegal content. The account has "
        "been banned.",
        "This member impersonated another company's customer service in their profile.",
        "Your account name infringes someone else's trademark rights.",
    ],
    "order_brushing": [
        "This member offered cash back for five-star reviews. The account has been "
        "permanently banned.",
        "Your account recruited people for order brushing to inflate sales on an e-commerce "
        "platform.",
        "We detected content guiding users to place fake orders and post fake reviews.",
    ],
    "security_threat": [
        "This account sent phishing links that tricked users into entering their passwords.",
        "Your account spread files containing a virus that may disrupt WeCom's normal "
        "operation.",
        "The member shared a malicious link imitating an official login page.",
    ],
    "infringement": [
        "This member disclosed other people's personal contact information without consent.",
        "Your account sent insulting and defamatory messages about others.",
        "We received a copyright complaint: this account distributes pirated videos.",
    ],
    "pornography": [
        "This account sent pornographic pictures and videos and has been banned permanently.",
        "Your account posted messages soliciting prostitution.",
        "The member shared sexually explicit content and hook-up offers.",
    ],
    "violence": [
        "This account shared videos of animal cruelty and has been permanently banned.",
        "Your account advertised replica guns and crossbows for sale.",
        "The member sent graphic content depicting self-harm and suicide.",
    ],
    "gambling": [
        "This member organised online gambling in a group chat.",
        "Your account promoted a casino website and offered sports betting tips.",
        "We detected messages recruiting players for baccarat and teaching card cheating "
        "tricks.",
    ],
    "gang_terror": [
        "This account offered debt collection by intimidation and revenge services.",
        "Your account spread terrorist propaganda.",
        "The member recruited gang members and glorified organised crime.",
    ],
    "illegal_goods": [
        "This account offered to sell invoices and issue fake VAT receipts.",
        "Your account advertised counterfeit cigarettes and smuggled goods.",
        "The member offered SIM cloning and fake ID services.",
    ],
    "fraud": [
        "This account posted a Ponzi-style investment scam promising guaranteed returns.",
        "Your account advertised health supplements with exaggerated claims about their "
        "effects.",
        "The member recruited people into a pyramid scheme and defrauded them of money.",
    ],
    "false_information": [
        "This account spread rumors and fabricated news about a public event.",
        "Your account posted misinformation promoting a cult.",
        "The member shared false information distorting historical facts.",
    ],
    "other_illegal": [
        "This account sent content that violates national laws and regulations.",
        "Your account posted illegal content and was banned.",
        "The member's messages broke local regulations and departmental rules.",
    ],
}


def _cases(notices: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(category, text) for category, texts in notices.items() for text in texts]


def test_every_category_has_notices_in_both_languages():
    categories = {v.id for v in CATALOGUE.violations}
    for notices in (NOTICES_ZH, NOTICES_EN):
        assert set(notices) == categories
        assert all(len(texts) >= 3 for texts in notices.values())


@pytest.mark.parametrize(("category", "text"), _cases(NOTICES_ZH) + _cases(NOTICES_EN))
def test_realistic_notice_points_to_its_category(category, text):
    result = classify_notice(text, CATALOGUE)
    best = result.best
    assert best is not None, f"no candidate for {text!r}"
    assert best.category == category, result.candidates
    assert best.rule == CATALOGUE.violation(category).rule
    assert best.confidence >= 0.4
    assert best.matched
    for other in result.candidates[1:]:
        assert other.confidence < best.confidence


@pytest.mark.parametrize("text", [
    "",
    "   \n\t ",
    "违规",
    "您的账号因违规已被限制。",
    "Your account violated the rules.",
    "今天天气不错，我们下午三点开会讨论季度预算。",
    "Hello team, the quarterly report is attached. Thanks!",
    "12345 !!! ???",
])
def test_text_without_a_cause_gives_no_candidate(text):
    assert classify_notice(text, CATALOGUE).candidates == []


def test_bare_violation_words_give_no_signal_either():
    assert classify_notice("违规", CATALOGUE).signals == {}
    assert classify_notice("Hello world", CATALOGUE).signals == {}


def test_wechat_account_banned_is_the_linked_account():
    result = classify_notice("微信账号被封", CATALOGUE)
    assert result.best is not None and result.best.category == "linked_wechat"
    # ... and not a block of the WeCom account itself.
    assert "scope_account" not in result.signals


def test_wecom_itself_is_not_the_linked_wechat_account():
    result = classify_notice("你的企业微信账号被封禁，无法登录。", CATALOGUE)
    assert result.candidates == []
    assert "scope_account" in result.signals


def test_more_specific_phrase_wins_over_the_word_inside_it():
    # 虚假广告 is fraud; the harassment word 广告 inside it does not count.
    result = classify_notice("该成员发布虚假广告。", CATALOGUE)
    assert [c.category for c in result.candidates] == ["fraud"]


def test_competing_categories_lower_the_confidence():
    alone = classify_notice("该成员发送骚扰信息。", CATALOGUE).best
    contested = classify_notice("该成员发送骚扰信息并传播赌博内容。", CATALOGUE)
    assert alone is not None and contested.best is not None
    assert {c.category for c in contested.candidates} == {"harassment", "gambling"}
    assert all(c.confidence < alone.confidence for c in contested.candidates)


def test_more_evidence_raises_the_confidence():
    one = classify_notice("该成员发送营销信息。", CATALOGUE).best
    two = classify_notice("该成员频繁发送营销信息，骚扰用户。", CATALOGUE).best
    assert one is not None and two is not None
    assert two.category == one.category == "harassment"
    assert two.confidence > one.confidence


def test_weak_evidence_gives_low_confidence():
    result = classify_notice("该账号被多名用户投诉。", CATALOGUE)
    assert result.best is not None and result.best.rule == "R1"
    assert result.best.confidence < 0.4


@pytest.mark.parametrize("text", [
    "诱导 分享",
    "诱导“分享”",
    "诱导用户分享",
    "ＩＮＤＵＣＥＤ   users to SHARE",
    "Induced\nsharing",
])
def test_spacing_width_case_and_small_gaps_do_not_hide_a_phrase(text):
    result = classify_notice(text, CATALOGUE)
    assert result.best is not None and result.best.category == "inducing_sharing"


def test_english_stems_match_inflections_but_not_other_words():
    assert classify_notice("harassing messages", CATALOGUE).best.category == "harassment"
    assert classify_notice("harassment", CATALOGUE).best.category == "harassment"
    # 'bot' is a word of its own, not the start of 'both'.
    assert classify_notice("both of us", CATALOGUE).candidates == []
    # 'cult' does not match 'culture'.
    assert classify_notice("company culture", CATALOGUE).candidates == []


def test_matched_lists_the_text_found_in_the_notice():
    best = classify_notice("该成员诱导用户分享到朋友圈", CATALOGUE).best
    assert best is not None
    assert "诱导用户分享" in best.matched


# Signals --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "signal"), [
    ("该成员已被限制使用与微信互通的相关功能", "scope_interop"),
    ("暂时无法添加客户", "scope_interop"),
    ("Interworking with WeChat has been disabled.", "scope_interop"),
    ("The member can no longer use interoperability features.", "scope_interop"),
    ("你的账号已被封禁", "scope_account"),
    ("该成员账号被封，无法登录", "scope_account"),
    ("Your account has been banned.", "scope_account"),
    ("永久禁止使用互通功能", "duration_permanent"),
    ("The account is permanently banned.", "duration_permanent"),
    ("限制7天", "duration_temporary"),
    ("将在24小时后恢复", "duration_temporary"),
    ("互通功能暂时不可用", "duration_temporary"),
    ("限制至2026年12月1日", "duration_temporary"),
    ("restricted for 3 days", "duration_temporary"),
    ("Interoperability is restricted until 2026-12-01.", "duration_temporary"),
    ("restricted until December 1", "duration_temporary"),
    ("微信解封后将自动恢复", "duration_until_wechat_unblocked"),
    ("直至对应的微信账号解封", "duration_until_wechat_unblocked"),
    ("disabled until your WeChat account is unblocked", "duration_until_wechat_unblocked"),
    ("Restored once the linked WeChat account is unblocked.",
     "duration_until_wechat_unblocked"),
    ("你的企业已被封禁", "account_enterprise"),
    ("企业账号已被封", "account_enterprise"),
    ("The entire enterprise has been suspended.", "account_enterprise"),
    ("Your enterprise account is blocked.", "account_enterprise"),
    ("管理员账号已被封禁", "account_admin"),
    ("The administrator account has been banned.", "account_admin"),
])
def test_signal_found(text, signal):
    signals = classify_notice(text, CATALOGUE).signals
    assert signal in signals, signals
    assert all(signals[signal])


def test_non_permanent_is_temporary_not_permanent():
    signals = classify_notice("非永久封禁", CATALOGUE).signals
    assert "duration_temporary" in signals
    assert "duration_permanent" not in signals


def test_the_24_hours_after_wechat_unblocking_are_not_a_temporary_ban():
    signals = classify_notice(
        "你绑定的微信账号解封后，企业微信账号将在24小时内自动解封。", CATALOGUE).signals
    assert "duration_until_wechat_unblocked" in signals
    assert "duration_temporary" not in signals


def test_interop_ban_of_an_account_is_not_an_account_ban():
    signals = classify_notice(
        "The member account has been banned from using the interoperability functions.",
        CATALOGUE).signals
    assert "scope_interop" in signals
    assert "scope_account" not in signals


def test_a_full_notice_gives_cause_and_signals():
    result = classify_notice(
        "该成员绑定的微信账号因违规已被封禁，在微信账号解封前，该成员无法使用与微信互通的相关功能。"
        "微信账号解封后，企业微信账号将在24小时内自动解封。", CATALOGUE)
    assert result.best is not None and result.best.category == "linked_wechat"
    assert result.best.rule == "R2"
    assert {"scope_interop", "duration_until_wechat_unblocked"} <= set(result.signals)
    assert "scope_account" not in result.signals


# Normalisation and robustness -----------------------------------------------------------------

def test_normalise():
    assert normalise("ＡＢＣ　ｄｅｆ") == "abc def"
    assert normalise("诱导 用户\n分享") == "诱导用户分享"
    assert normalise("违反《微信个人账号使用规范》。") == "违反微信个人账号使用规范》。"
    assert normalise("企业微信账号") == "wecom账号"
    assert normalise("Enterprise WeChat account") == "wecom account"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_classify_never_raises_and_confidences_are_probabilities(text):
    result = classify_notice(text, CATALOGUE)
    confidences = [c.confidence for c in result.candidates]
    assert all(0 <= c <= 1 for c in confidences)
    assert confidences == sorted(confidences, reverse=True)
    assert all(c.matched for c in result.candidates)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(
    [p for group in CATALOGUE.category_phrases for p in (*group.zh_CN, *group.en)]
    + ["，", "。", " ", "该成员", "the member", "违规", "..."]), max_size=30))
def test_classify_on_phrase_soup(words):
    result = classify_notice("".join(words), CATALOGUE)
    assert all(0 <= c.confidence <= 1 for c in result.candidates)
    assert len({c.category for c in result.candidates}) == len(result.candidates)


def test_long_notice_is_fast():
    import time

    text = "".join(t for texts in NOTICES_ZH.values() for t in texts) * 20
    start = time.perf_counter()
    result = classify_notice(text[:20_000], CATALOGUE)
    assert time.perf_counter() - start < 1.0
    assert len(result.candidates) > 5


def _example(phrase: str) -> str:
    """A notice made of the phrase itself, its syntax filled in."""
    return phrase.replace("...", " x ").replace("{n}", "3").replace("*", "")


@pytest.mark.parametrize("group", CATALOGUE.category_phrases, ids=lambda g: g.category)
def test_every_category_phrase_finds_its_category(group):
    for phrase in (*group.zh_CN, *group.en):
        categories = [c.category for c in classify_notice(_example(phrase), CATALOGUE).candidates]
        assert group.category in categories, (phrase, categories)


@pytest.mark.parametrize("group", CATALOGUE.signal_phrases, ids=lambda g: g.signal)
def test_every_signal_phrase_finds_its_signal(group):
    for phrase in (*group.zh_CN, *group.en):
        signals = classify_notice(_example(phrase), CATALOGUE).signals
        assert group.signal in signals, (phrase, signals)


@pytest.mark.parametrize(("text", "category"), [
    ("骚扰", "harassment"), ("频繁发送营销", "harassment"), ("被投诉", "harassment"),
    ("诱导分享", "inducing_sharing"), ("朋友圈集赞", "inducing_sharing"),
    ("恶意添加", "malicious_adding"), ("批量加好友", "malicious_adding"),
    ("微信账号被封", "linked_wechat"), ("外挂", "plugin"), ("多开", "plugin"),
    ("自动加好友", "plugin"), ("刷单", "order_brushing"), ("好评返现", "order_brushing"),
    ("钓鱼", "security_threat"), ("赌博", "gambling"), ("色情", "pornography"),
    ("诈骗", "fraud"), ("传销", "fraud"), ("谣言", "false_information"),
    ("harass", "harassment"), ("spam", "harassment"), ("marketing messages", "harassment"),
    ("complaints", "harassment"), ("induce sharing", "inducing_sharing"),
    ("plug-in", "plugin"), ("third-party tool", "plugin"), ("multi-open", "plugin"),
    ("bulk add", "malicious_adding"),
])
def test_the_keywords_an_administrator_would_use(text, category):
    best = classify_notice(text, CATALOGUE).best
    assert best is not None and best.category == category


@pytest.mark.parametrize(("text", "signal"), [
    ("互通", "scope_interop"), ("interoperability", "scope_interop"),
    ("interworking", "scope_interop"), ("添加客户", "scope_interop"),
    ("账号被封", "scope_account"), ("封禁账号", "scope_account"),
    ("account banned", "scope_account"), ("永久", "duration_permanent"),
    ("3天", "duration_temporary"), ("12小时", "duration_temporary"),
    ("暂时", "duration_temporary"), ("限时", "duration_temporary"),
    ("until 2026-12-24", "duration_temporary"),
    ("微信解封后", "duration_until_wechat_unblocked"),
    ("until your WeChat account is unblocked", "duration_until_wechat_unblocked"),
    ("企业被封", "account_enterprise"), ("企业账号", "account_enterprise"),
    ("管理员账号", "account_admin"),
])
def test_the_signal_words_an_administrator_would_use(text, signal):
    assert signal in classify_notice(text, CATALOGUE).signals
