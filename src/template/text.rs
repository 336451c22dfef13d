//! The template's words that are not one version's: the six sections'
//! headings, the words that locate each table, units, blank marks, and the
//! phrases of the prose the rules read.

/// One of the six sections, with the words that identify its heading.
pub struct SectionSpec {
    pub number: &'static str,
    pub title: &'static str,
    /// Any of these after the number marks the heading.
    pub cues: &'static [&'static str],
}

pub const SECTIONS: [SectionSpec; 6] = [
    SectionSpec { number: "一", title: "总体情况", cues: &["总体情况"] },
    SectionSpec { number: "二", title: "主动公开政府信息情况", cues: &["主动公开"] },
    SectionSpec {
        number: "三",
        title: "收到和处理政府信息公开申请情况",
        cues: &["收到和处理", "依申请公开", "处理政府信息公开申请"],
    },
    SectionSpec {
        number: "四", title: "政府信息公开行政复议、行政诉讼情况", cues: &["行政复议", "行政诉讼"]
    },
    SectionSpec {
        number: "五",
        title: "存在的主要问题及改进情况",
        cues: &["存在的主要问题", "主要问题", "改进情况", "改进措施"],
    },
    SectionSpec {
        number: "六", title: "其他需要报告的事项", cues: &["其他需要报告", "其他需报告", "其他报告事项"]
    },
];

/// Words that mark table 四's header (when locating it without a heading).
pub const REVIEW_ANCHORS: &[&str] = &["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"];

/// Words that sign a number (2019's 本年增/减 written `增72`, `减3`): the
/// word, and whether it makes the number negative. Longer words first.
pub const SIGN_WORDS: &[(&str, bool)] = &[("增加", false), ("减少", true), ("增", false), ("减", true)];

/// A report in traditional characters (a page's 繁體 view, copied) says
/// this somewhere (`政府信息公開`); no simplified text does.
pub const TRADITIONAL_CUE: &str = "公開";

/// Traditional characters of the template's words, its phrases and the
/// words around them, each with its simplified form, in the order of the
/// traditional ones (searched by halves). Each takes three bytes in UTF-8,
/// as its simplified form does.
pub const TRADITIONAL: &[(char, char)] = &[
    ('並', '并'),
    ('佈', '布'),
    ('佔', '占'),
    ('來', '来'),
    ('係', '系'),
    ('個', '个'),
    ('傳', '传'),
    ('價', '价'),
    ('億', '亿'),
    ('優', '优'),
    ('內', '内'),
    ('兩', '两'),
    ('凈', '净'),
    ('創', '创'),
    ('劃', '划'),
    ('劇', '剧'),
    ('動', '动'),
    ('務', '务'),
    ('勝', '胜'),
    ('勞', '劳'),
    ('勢', '势'),
    ('區', '区'),
    ('協', '协'),
    ('吳', '吴'),
    ('員', '员'),
    ('問', '问'),
    ('單', '单'),
    ('國', '国'),
    ('圍', '围'),
    ('園', '园'),
    ('圓', '圆'),
    ('圖', '图'),
    ('執', '执'),
    ('報', '报'),
    ('場', '场'),
    ('夠', '够'),
    ('學', '学'),
    ('實', '实'),
    ('寧', '宁'),
    ('審', '审'),
    ('寫', '写'),
    ('將', '将'),
    ('專', '专'),
    ('對', '对'),
    ('導', '导'),
    ('層', '层'),
    ('屬', '属'),
    ('師', '师'),
    ('幣', '币'),
    ('幾', '几'),
    ('廈', '厦'),
    ('廠', '厂'),
    ('廢', '废'),
    ('廣', '广'),
    ('廳', '厅'),
    ('強', '强'),
    ('後', '后'),
    ('從', '从'),
    ('復', '复'),
    ('態', '态'),
    ('應', '应'),
    ('戶', '户'),
    ('採', '采'),
    ('擔', '担'),
    ('據', '据'),
    ('擬', '拟'),
    ('擴', '扩'),
    ('敗', '败'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('構', '构'),
    ('標', '标'),
    ('樣', '样'),
    ('機', '机'),
    ('檔', '档'),
    ('檢', '检'),
    ('欄', '栏'),
    ('權', '权'),
    ('歲', '岁'),
    ('歷', '历'),
    ('歸', '归'),
    ('殘', '残'),
    ('氣', '气'),
    ('決', '决'),
    ('沒', '没'),
    ('況', '况'),
    ('淨', '净'),
    ('減', '减'),
    ('測', '测'),
    ('準', '准'),
    ('滯', '滞'),
    ('滿', '满'),
    ('漢', '汉'),
    ('漲', '涨'),
    ('濟', '济'),
    ('災', '灾'),
    ('為', '为'),
    ('無', '无'),
    ('熱', '热'),
    ('燈', '灯'),
    ('營', '营'),
    ('爲', '为'),
    ('獲', '获'),
    ('現', '现'),
    ('環', '环'),
    ('產', '产'),
    ('畢', '毕'),
    ('當', '当'),
    ('療', '疗'),
    ('發', '发'),
    ('監', '监'),
    ('眾', '众'),
    ('確', '确'),
    ('礦', '矿'),
    ('稅', '税'),
    ('穩', '稳'),
    ('範', '范'),
    ('簡', '简'),
    ('糾', '纠'),
    ('紀', '纪'),
    ('約', '约'),
    ('納', '纳'),
    ('級', '级'),
    ('組', '组'),
    ('結', '结'),
    ('統', '统'),
    ('經', '经'),
    ('綜', '综'),
    ('維', '维'),
    ('網', '网'),
    ('線', '线'),
    ('編', '编'),
    ('縣', '县'),
    ('縮', '缩'),
    ('總', '总'),
    ('績', '绩'),
    ('織', '织'),
    ('繪', '绘'),
    ('繫', '系'),
    ('繳', '缴'),
    ('繼', '继'),
    ('續', '续'),
    ('罰', '罚'),
    ('義', '义'),
    ('聯', '联'),
    ('聲', '声'),
    ('職', '职'),
    ('聽', '听'),
    ('臺', '台'),
    ('與', '与'),
    ('舉', '举'),
    ('華', '华'),
    ('萬', '万'),
    ('藝', '艺'),
    ('藥', '药'),
    ('蘇', '苏'),
    ('處', '处'),
    ('號', '号'),
    ('衆', '众'),
    ('術', '术'),
    ('衛', '卫'),
    ('補', '补'),
    ('製', '制'),
    ('複', '复'),
    ('覆', '复'),
    ('見', '见'),
    ('規', '规'),
    ('視', '视'),
    ('觀', '观'),
    ('訂', '订'),
    ('計', '计'),
    ('訊', '讯'),
    ('訓', '训'),
    ('訟', '讼'),
    ('訪', '访'),
    ('設', '设'),
    ('許', '许'),
    ('訴', '诉'),
    ('評', '评'),
    ('詢', '询'),
    ('話', '话'),
    ('該', '该'),
    ('認', '认'),
    ('說', '说'),
    ('調', '调'),
    ('請', '请'),
    ('論', '论'),
    ('諮', '咨'),
    ('證', '证'),
    ('議', '议'),
    ('護', '护'),
    ('讀', '读'),
    ('讓', '让'),
    ('財', '财'),
    ('貧', '贫'),
    ('貨', '货'),
    ('責', '责'),
    ('貴', '贵'),
    ('費', '费'),
    ('資', '资'),
    ('質', '质'),
    ('賬', '账'),
    ('購', '购'),
    ('車', '车'),
    ('載', '载'),
    ('輔', '辅'),
    ('輸', '输'),
    ('轉', '转'),
    ('辦', '办'),
    ('辭', '辞'),
    ('農', '农'),
    ('這', '这'),
    ('進', '进'),
    ('運', '运'),
    ('過', '过'),
    ('達', '达'),
    ('違', '违'),
    ('遞', '递'),
    ('遼', '辽'),
    ('還', '还'),
    ('郵', '邮'),
    ('鄉', '乡'),
    ('鄭', '郑'),
    ('醫', '医'),
    ('銷', '销'),
    ('錄', '录'),
    ('鎮', '镇'),
    ('鐵', '铁'),
    ('鑒', '鉴'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('閱', '阅'),
    ('關', '关'),
    ('陝', '陕'),
    ('陽', '阳'),
    ('隊', '队'),
    ('險', '险'),
    ('雙', '双'),
    ('難', '难'),
    ('雲', '云'),
    ('電', '电'),
    ('項', '项'),
    ('順', '顺'),
    ('須', '须'),
    ('預', '预'),
    ('頒', '颁'),
    ('領', '领'),
    ('題', '题'),
    ('額', '额'),
    ('類', '类'),
    ('養', '养'),
    ('餘', '余'),
    ('館', '馆'),
    ('駁', '驳'),
    ('驗', '验'),
    ('體', '体'),
    ('黨', '党'),
    ('齡', '龄'),
    ('龍', '龙'),
];

/// What ends a sentence of prose (a table's row never ends so).
pub const SENTENCE_END: char = '。';

/// Units that count things in this kind of report's prose (`主动公开信息120条`,
/// `予以公开2件`): a number a table's cell holds is never written with one.
pub const COUNT_UNITS: &[char] = &['件', '条', '起', '篇', '个', '次', '项', '份'];

/// What a date's numbers are written with (`2021年`): prose, not a cell.
pub const DATE_UNITS: &[char] = &['年', '月', '日'];

/// Words that mark table 三 (when locating it without a heading).
pub const REQUESTS_ANCHOR: &str = "本年新收";

/// Words that mark table 二 (when locating it without a heading).
pub const ACTIVE_ANCHORS: &[&str] = &["第二十条"];

/// The words of the tables' headers that are not a column's label.
pub const REQUESTS_HEAD_CORNER: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
pub const REQUESTS_HEAD_APPLICANTS: &str = "申请人情况";
pub const REQUESTS_HEAD_LEGAL_PERSONS: &str = "法人或其他组织";
pub const REVIEW_HEAD_LITIGATION: &str = "行政诉讼";
pub const ACTIVE_HEAD_CONTENT: &str = "信息内容";

/// Words that tell a column is a money amount in 万元 / 元.
pub const UNIT_WAN_YUAN: &str = "万元";
pub const UNIT_YUAN: &str = "元";

/// Words of the template's labels that start as a blank mark is written
/// (`无`): after a number, these are a label, not a mark and a label.
pub const WORDS_AFTER_A_MARK: &[&str] = &["无法", "无正当"];

/// Cells written as one of these mean "left empty".
pub const BLANK_MARKS: &[&str] = &["/", "-", "--", "—", "——", "–", "\\", "／", "无", EMPTY_CELL];

/// How an empty cell of a real table (HTML, Word) is written in the text
/// the pipeline reads: a blank cell, not a missing one.
pub const EMPTY_CELL: &str = "(空)";

/// A list of phrases the rules look for in the report's prose (the
/// preamble and sections 一, 五, 六). Made only in [`phrases`], by the
/// `prose_phrases!` list there, which also puts it in
/// [`phrases::IN_PROSE`]: the prose is read once for every list, and a rule
/// can only ask for a list that was read.
///
/// Phrases are written as the normalised text has them: half-width
/// brackets, commas and colons (`(一)`, `,`), the rest as typed (`、。〔〕“”`).
#[derive(Debug)]
pub struct ProsePhrases {
    slot: usize,
    words: &'static [&'static str],
}

impl ProsePhrases {
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
    /// Its place in [`phrases::IN_PROSE`].
    pub fn slot(&self) -> usize {
        self.slot
    }
}

/// Declares the prose's phrase lists and [`phrases::IN_PROSE`] together.
macro_rules! prose_phrases {
    ($($(#[$doc:meta])* $name:ident = [$($word:literal),* $(,)?];)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
        enum Slot { $($name),* }
        $($(#[$doc])* pub const $name: ProsePhrases = ProsePhrases { slot: Slot::$name as usize, words: &[$($word),*] };)*
        /// Every list of the prose's phrases, found in one reading of it
        /// (each list at its `slot`).
        pub const IN_PROSE: &[&ProsePhrases] = &[$(&$name),*];
    };
}

/// The words of the report's text the rules read. The lists of
/// [`ProsePhrases`] are looked for in the prose; the others in a title,
/// a heading or a clause.
pub mod phrases {
    use super::ProsePhrases;

    prose_phrases! {
        /// 无依申请公开: none received, said without a verb (a verb's
        /// denial, 未收到…申请, is read at [`REQUEST`]).
        NO_REQUESTS = ["无依申请公开", "未发生依申请公开", "没有依申请公开", "无政府信息公开申请", "无信息公开申请"];
        /// Where a request is named: `…收到…申请7件`, `依申请公开`.
        REQUEST = ["申请"];
        /// 行政复议, after which a figure or before which a denial may stand.
        REVIEWS = ["行政复议"];
        /// A stated total of what was published: `共主动公开政府信息42条`.
        ACTIVE_TOTAL = ["主动公开政府信息", "主动公开信息", "主动公开各类", "发布政府信息", "发布各类政府信息", "发布各类信息"];
        /// Section 六 says something about charging: `未收取信息处理费`, `未发生收费情况`.
        FEE_STATED = ["处理费", "收费", "费用", "收取", "缴费", "缴纳"];
        /// …that nothing was charged.
        NOT_CHARGED = ["未收取", "无收取", "没有收取", "不收取", "未发生收费", "未产生", "未收费", "零收费", "免收", "均未收取"];
        /// …and about fee notices (表三（六）2: 逾期未按收费通知要求缴纳费用).
        FEE_NOTICE = ["收费通知", "缴费通知", "缴纳", "通知缴费", "未缴"];
        /// The repealed 条例 of 2007.
        REPEALED_REGULATION = ["国务院令第492号", "国务院令492号", "第492号令", "492号令"];
        /// The 条例 in force (2019 revision), cited with the old one when a report quotes its history.
        CURRENT_REGULATION = ["711号"];
        /// The 2019 format's notice, 国办公开办函〔2019〕60号 (the 2019 version's `notice`).
        OLD_FORMAT = ["2019〕60号", "2019]60号", "2019)60号", "2019】60号"];
        /// The 2021 format's notice, 国办公开办函〔2021〕30号 (the 2021 version's `notice`).
        NEW_FORMAT = ["2021〕30号", "2021]30号", "2021)30号", "2021】30号"];
        /// Claims that every review or suit upheld the decision.
        ALL_UPHELD = ["均获维持", "均被维持", "均予以维持", "均予维持", "全部维持", "均维持", "全部获得维持", "均获得维持", "全部被维持"];
        /// Claims that no suit was lost.
        NO_LOSS = ["零败诉", "无败诉", "未败诉", "没有败诉", "均胜诉", "全部胜诉"];
        /// Claims that every request was granted.
        ALL_GRANTED = ["全部予以公开", "均予以公开", "全部公开", "均已公开", "均予公开", "均已予以公开"];
        /// Claims that every request was finished.
        ALL_DONE = ["均已办结", "全部办结", "均办结", "已全部办结", "均按时办结", "全部按时办结", "全部办理完毕", "均已办理完毕"];
        /// Claims that no 行政事业性收费 was charged (表二).
        NO_ADMIN_FEES = ["未收取行政事业性收费", "无行政事业性收费", "未发生行政事业性收费", "没有行政事业性收费", "不涉及行政事业性收费"];
        /// The 2021 format's topics of 一、总体情况, with the words real reports use for them.
        TOPIC_ACTIVE = ["主动公开"];
        TOPIC_REQUESTS = ["依申请", "政府信息公开申请", "信息公开申请", "申请公开"];
        TOPIC_MANAGEMENT = ["信息管理", "发布管理", "保密审查", "公开属性", "审核", "清理", "解读"];
        TOPIC_PLATFORM = ["平台", "载体", "网站", "新媒体", "公开专栏", "政务微博", "政务微信", "公众号", "公报"];
        TOPIC_OVERSIGHT = ["监督", "保障", "考核", "培训", "评议", "追究", "问责", "组织领导", "督查", "督导"];
        /// What a people's government's report must also give (条例第五十条).
        GOV_ASSESSMENT = ["考核", "绩效", "评估"];
        GOV_EVALUATION = ["社会评议", "评议", "社会评价", "社会评估", "第三方评估", "满意度", "群众评价"];
        GOV_ACCOUNTABILITY = ["责任追究", "追究", "追责", "问责"];
        /// 五: points listed one by one.
        ENUMERATION = ["一是", "二是", "(一)", "(二)", "1.", "2.", "1、", "2、", "第一", "第二", "首先", "其次"];
        /// 五: a problem named…
        PROBLEM = ["问题", "不足", "短板", "薄弱", "差距", "有待", "不够", "欠缺", "不到位", "不高", "不强", "滞后"];
        /// …and a measure.
        MEASURE = ["措施", "下一步", "改进", "加强", "整改", "计划", "今后", "推进", "将"];
    }

    /// Verbs that say a request came in: `收到`, `受理` (a request is
    /// named within [`CLAUSE_REACH`] characters after them).
    pub const RECEIVE_VERBS: &[&str] = &["收到", "受理", "接收", "接到", "新收"];
    /// A clause about a request for information names one of these.
    pub const REQUEST_TOPIC: &[&str] = &["公开", "信息"];
    /// Between a verb and 申请, these say the request is another kind.
    pub const OTHER_REQUESTS: &[&str] = &["复议", "诉讼", "许可", "信访", "不予"];
    /// How far back in a clause a verb or a denial is looked for (characters).
    pub const CLAUSE_REACH: usize = 30;
    /// Words that deny what follows them in a clause (`未发生…行政复议`).
    pub const DENIALS: &[&str] =
        &["未发生", "未出现", "未收到", "未接到", "未有", "未被", "未涉及", "没有", "不存在", "无", "零"];
    /// …unless they are part of these (`无法提供`).
    pub const NOT_DENIALS: &[&str] = &["无法", "无论", "未经"];
    /// Words about outcomes: a figure after 行政复议 with one of these
    /// between counts outcomes, not cases; a denial followed by one denies
    /// an outcome (`没有发生行政复议败诉`), not the cases.
    pub const REVIEW_OUTCOMES: &[&str] =
        &["维持", "纠正", "撤销", "败诉", "胜诉", "审结", "结案", "驳回", "确认违法", "决定"];
    /// A figure after 行政复议 with this between may be the suits' (`行政复议和行政诉讼共3件`)…
    pub const LITIGATION: &str = "诉讼";
    /// …unless it is each's (`行政复议、行政诉讼各1件`).
    pub const EACH: &str = "各";
    /// Before a claim that every request was granted, these limit it to
    /// some (`符合条件的均予以公开`).
    pub const GRANTED_QUALIFIERS: &[&str] = &["可以公开", "可公开", "应当公开", "应公开", "能公开", "符合", "除"];
    /// Before a claim that every request was finished, these make it last
    /// year's (`上年结转的申请均已办结`).
    pub const DONE_QUALIFIERS: &[&str] = &["上年", "结转", "除"];
    /// Before a claim that every case was upheld, these limit it to the
    /// cases decided (`已审结的均获维持`): pending ones do not contradict it.
    pub const DECIDED_QUALIFIERS: &[&str] = &["审结", "结案", "办结"];
    /// What a sentence names when it speaks of reviews (and of suits: [`LITIGATION`]).
    pub const REVIEW_WORD: &str = "复议";
    /// A claim about requests is in a sentence that names them.
    pub const REQUEST_WORD: &str = "申请";
    /// Words that end a list of parts that is not complete: `……等`.
    pub const LIST_GOES_ON: &[&str] = &["等"];
    /// A listed part so named covers the rest: the list is complete.
    pub const LIST_REST: &[&str] = &["其他", "其它"];

    /// Title words that mark the report's title line.
    pub const TITLE: &[&str] = &["年度报告", "年报", "工作报告", "情况的报告", "工作的报告", "情况报告"];
    pub const PERIOD: &[&str] = &["统计期限", "统计时限", "统计时间", "统计期", "统计区间", "统计截止"];
    /// Labels of a page's publication date: `发布日期：2022-01-28`.
    pub const PUBLISHED: &[&str] = &["发布日期", "发布时间", "发文日期", "成文日期", "印发日期", "公开日期"];
}

/// Reports for this year and later follow the 条例 as revised in 2019
/// (国务院令第711号, in force from 15 May 2019); the 2007 one (国务院令第492号)
/// is repealed.
pub const REGULATION_REVISED: i32 = 2019;

/// The legal deadlines for publishing a report (条例第四十九条), in the
/// year after the one reported: (month, day).
pub const DEADLINE_DEPARTMENT: (u32, u32) = (1, 31);
pub const DEADLINE_GOVERNMENT: (u32, u32) = (3, 31);

/// How an agency's name tells whose report it is.
pub mod agencies {
    /// A people's government's own report (deadline 3月31日, and it must
    /// report 工作考核、社会评议和责任追究).
    pub const GOVERNMENT: &[&str] = &["人民政府"];
    /// Names that end so are not told either way (management committees,
    /// sub-district offices): the later deadline applies.
    pub const UNCLEAR: &[&str] = &["管理委员会", "管委会", "办事处", "街道"];
    /// A department's report (deadline 1月31日).
    pub const DEPARTMENT: &[&str] = &[
        "局",
        "委员会",
        "委",
        "办公室",
        "办公厅",
        "办",
        "厅",
        "中心",
        "处",
        "院",
        "所",
        "站",
        "队",
        "署",
        "馆",
        "部",
        "会",
        "海关",
        "台",
        "支行",
        "分行",
        "银行",
        "监狱",
        "学校",
        "大学",
    ];
    /// Words that end as an agency's name does and are none (`特向社会`).
    pub const NOT_ENDINGS: &[&str] = &["社会"];
    /// An agency's short name starts with its level, without the place:
    /// `市科委` for `上海市科委`.
    pub const LEVELS: &[&str] = &["省", "市", "区", "县", "州", "镇", "乡"];
    /// How a report names its own agency in its opening sentence (`现公布我局
    /// 2022年…年度报告`): a pronoun, no name.
    pub const SELF: &[&str] = &[
        "我局",
        "我委",
        "我办",
        "我厅",
        "我院",
        "我单位",
        "我部门",
        "我中心",
        "我县",
        "我区",
        "我市",
        "我镇",
        "我乡",
        "我街道",
        "我处",
        "本局",
        "本委",
        "本机关",
        "本单位",
        "本部门",
        "本行政机关",
        "本中心",
        "本办",
        "本院",
        "本厅",
        "本所",
        "本站",
        "本市",
        "本县",
        "本区",
        "本镇",
        "本乡",
        "本街道",
    ];
    /// Verbs that put a report's title into its opening sentence (`现公布…`,
    /// `现将…`, `特编制…`, `现形成《…》`, `…关于印发…的通知`): the title
    /// starts after them.
    pub const TITLE_VERBS: &[&str] = &["公布", "发布", "编制", "现将", "形成", "印发", "报送"];
    /// Words that may follow a title in its sentence (`…报告如下：`).
    pub const TITLE_ENDINGS: &[&str] = &["如下", "全文"];
    /// The same verbs at a title sentence's start (`现将XX县2023年…报告如下`).
    pub const TITLE_LEADS: &[&str] = &["现将", "现公布", "现予公布", "现发布", "现编制", "现形成", "特编制", "特发布"];
    /// Verbs of writing between an agency and the title it wrote
    /// (`泉州市司法局认真编写了2025年…年度报告`), and the words before them
    /// that are no part of the name.
    pub const AUTHOR_VERBS: &[&str] = &["编写", "撰写", "编制", "制定", "形成", "发布", "公布"];
    pub const AUTHOR_ADVERBS: &[&str] = &["认真", "特此", "特", "现", "依法", "组织"];
    /// What introduces a short name after the full one
    /// (`XX区人民政府办公室（以下简称区政府办公室）`): not part of the name.
    pub const ALIAS_MARKS: &[&str] = &["(以下简称", "（以下简称", "(简称", "（简称"];
    /// Labels of a page's title field (`名 称：XX局2022年…年度报告`, spaces
    /// between the characters as pages set them).
    pub const TITLE_LABELS: &[&str] = &["标题", "名称", "题名"];
    /// Where an opening names who wrote the report when no title does:
    /// `本年度报告由XX局根据…编制`, and the office to ask
    /// (`如对本报告有疑问，请与XX局办公室联系`): (cue, the words that end the
    /// name).
    pub const OPENING_CUES: &[(&str, &[&str])] = &[
        ("报告由", &["根据", "依据", "按照", "编制", "结合", "综合", "负责", "汇总"]),
        ("由", &["编制"]),
        ("请与", &["联系"]),
        ("可与", &["联系"]),
    ];
    /// An office of the agency, named to be asked: the agency is the name
    /// before it (`XX局办公室` of `请与XX局办公室联系`).
    pub const CONTACT_OFFICES: &[&str] = &["政务公开办公室", "办公室", "政务公开科"];
}

/// What a people's government's own report must also give (条例第五十条:
/// 工作考核、社会评议和责任追究结果情况).
pub const GOVERNMENT_ITEMS: &[super::Topic] = &[
    super::Topic { name: "工作考核", phrases: &phrases::GOV_ASSESSMENT },
    super::Topic { name: "社会评议", phrases: &phrases::GOV_EVALUATION },
    super::Topic { name: "责任追究", phrases: &phrases::GOV_ACCOUNTABILITY },
];

/// Headings of the layout used before 2019 (国办发〔2008〕 reports): seven
/// parts with 收费及减免 and 依申请公开政府信息情况, and no 表二/三/四.
pub const LEGACY_HEADINGS: &[&str] = &[
    "政府信息公开工作的基本情况",
    "概述",
    "依申请公开政府信息情况",
    "依申请公开政府信息和不予公开",
    "收费及减免",
    "申请行政复议、提起行政诉讼",
    "申请行政复议和提起行政诉讼",
    "存在的主要问题和工作打算",
];
