<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ComingLaterPage</name>
    <message>
        <source>Feature</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Appeal package</source>
        <translation>申诉材料包</translation>
    </message>
    <message>
        <source>Assemble the documents an enterprise appeal needs (business licence, legal person&apos;s ID card, a photo of the legal person holding the ID card, the company-seal authorisation letter, an appeal statement and evidence) into one printable PDF and an upload kit. Until then, the Diagnose workspace lists the documents your case needs.</source>
        <translation>将企业申诉所需材料（营业执照、法人身份证、法人手持身份证照片、盖章授权书、申诉说明及证明材料）整理成一份可打印的 PDF 和一套上传材料。在此之前，可在“诊断”中查看你的情况需要准备哪些材料。</translation>
    </message>
    <message>
        <source>Self-audit</source>
        <translation>合规自查</translation>
    </message>
    <message>
        <source>Check the enterprise against WeCom&apos;s usage rules with a scored checklist, and scan the members&apos; external-contact data for members drifting towards a restriction. Until then, the Rules workspace shows what each rule forbids.</source>
        <translation>按企业微信使用规范逐项自查并打分，并扫描成员的客户联系数据，找出有被限制风险的成员。在此之前，可在“规则”中查看每条规则禁止哪些行为。</translation>
    </message>
    <message>
        <source>Coming in a later version.</source>
        <translation>将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>DiagnosePage</name>
    <message>
        <source>What is restricted</source>
        <translation>哪些功能受限</translation>
    </message>
    <message>
        <source>What the notice says</source>
        <translation>通知内容</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史情况</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>诊断结果</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>第 {number} 步，共 {total} 步</translation>
    </message>
    <message>
        <source>Step 1 updated; check it with Back.</source>
        <translation>已更新第 1 步的回答，可点“上一步”核对。</translation>
    </message>
    <message>
        <source>The result was copied.</source>
        <translation>诊断结果已复制。</translation>
    </message>
    <message>
        <source>Save the result as text</source>
        <translation>将诊断结果保存为文本</translation>
    </message>
    <message>
        <source>Could not save {path}: {error}</source>
        <translation>无法保存 {path}：{error}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Which account is restricted?</source>
        <translation>哪个账号受到限制？</translation>
    </message>
    <message>
        <source>A member account</source>
        <translation>成员账号</translation>
    </message>
    <message>
        <source>One employee&apos;s account. The rest of the enterprise works as usual.</source>
        <translation>某位员工的账号，企业其他账号正常使用。</translation>
    </message>
    <message>
        <source>The administrator account</source>
        <translation>管理员账号</translation>
    </message>
    <message>
        <source>The account of the person who manages the enterprise in the admin console.</source>
        <translation>在管理后台管理企业的管理员的账号。</translation>
    </message>
    <message>
        <source>The whole enterprise</source>
        <translation>整个企业</translation>
    </message>
    <message>
        <source>The enterprise as a whole is blocked: no member can use it.</source>
        <translation>整个企业被封禁，所有成员都无法使用。</translation>
    </message>
    <message>
        <source>What does the restriction block?</source>
        <translation>限制了哪些功能？</translation>
    </message>
    <message>
        <source>Only the interop functions</source>
        <translation>仅互通功能</translation>
    </message>
    <message>
        <source>Working with WeChat users (adding and messaging external contacts) is blocked; everything else still works.</source>
        <translation>无法与微信用户互通（添加客户、给外部联系人发消息），其他功能仍可正常使用。</translation>
    </message>
    <message>
        <source>The whole account</source>
        <translation>整个账号</translation>
    </message>
    <message>
        <source>The account cannot be used at all.</source>
        <translation>账号完全无法使用。</translation>
    </message>
    <message>
        <source>For how long, according to the notice?</source>
        <translation>通知中说限制多久？</translation>
    </message>
    <message>
        <source>For a limited time</source>
        <translation>限时（短期）</translation>
    </message>
    <message>
        <source>The notice names an end time or a number of days.</source>
        <translation>通知中写明了解除时间或天数。</translation>
    </message>
    <message>
        <source>Permanently</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>The notice says the restriction is permanent.</source>
        <translation>通知中写明永久限制。</translation>
    </message>
    <message>
        <source>Until the linked WeChat account is unblocked</source>
        <translation>直到绑定的微信账号解封</translation>
    </message>
    <message>
        <source>The notice ties the restriction to the member&apos;s own WeChat account.</source>
        <translation>通知说明限制与该成员绑定的微信账号有关。</translation>
    </message>
    <message>
        <source>Not stated, or I don&apos;t know</source>
        <translation>未说明或不清楚</translation>
    </message>
    <message>
        <source>The notice does not say, or you no longer have it.</source>
        <translation>通知中没有写明，或者你已找不到通知。</translation>
    </message>
    <message>
        <source>Answer all three questions to go on.</source>
        <translation>请回答以上三个问题后继续。</translation>
    </message>
    <message>
        <source>Paste the restriction notice as WeCom or the admin console shows it, in Chinese or English. This step is optional.</source>
        <translation>粘贴企业微信或管理后台显示的限制通知（中文或英文均可）。此步骤可跳过。</translation>
    </message>
    <message>
        <source>For example: This account has been restricted from using the interop functions for sending harassing messages.</source>
        <translation>例如：该账号因发送骚扰信息，已被限制使用互通功能。</translation>
    </message>
    <message>
        <source>What the notice suggests</source>
        <translation>通知提示的情况</translation>
    </message>
    <message>
        <source>Paste a notice to see the likely violation category.</source>
        <translation>粘贴通知后，这里会显示可能的违规类型。</translation>
    </message>
    <message>
        <source>&amp;Use these answers in step 1</source>
        <translation>将这些回答填入第 1 步(&amp;U)</translation>
    </message>
    <message>
        <source>The suggestion comes from words in the notice; your answers in step 1 decide the diagnosis.</source>
        <translation>以上提示仅根据通知中的字词推断，诊断以你在第 1 步的回答为准。</translation>
    </message>
    <message>
        <source>Is the member&apos;s linked WeChat account itself blocked?</source>
        <translation>该成员绑定的微信账号本身是否被封？</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>I don&apos;t know</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <source>WeChat&apos;s own penalties carry over to the WeCom account it is linked to.</source>
        <translation>微信账号受到的处罚会影响与其绑定的企业微信账号。</translation>
    </message>
    <message>
        <source>Does the admin console offer to apply for unblocking?</source>
        <translation>管理后台是否提供“申请解封”？</translation>
    </message>
    <message>
        <source>Look at the member in the admin console: after a first violation it shows a button to apply for unblocking.</source>
        <translation>在管理后台查看该成员：首次违规时，会显示申请解封的按钮。</translation>
    </message>
    <message>
        <source>Earlier restrictions</source>
        <translation>以往限制记录</translation>
    </message>
    <message>
        <source>How many times was this member restricted before for harassment, inducing sharing or malicious adding?</source>
        <translation>该成员此前因骚扰、诱导分享或恶意添加外部联系人被限制过几次？</translation>
    </message>
    <message>
        <source>We have checked our use and believe no rule was broken (restricted by mistake)</source>
        <translation>我们已自查，认为没有违规（属于误封）</translation>
    </message>
    <message>
        <source>Copy the result as plain text (Ctrl+Shift+C)</source>
        <translation>以纯文本复制诊断结果（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>&amp;Copy result</source>
        <translation>复制结果(&amp;C)</translation>
    </message>
    <message>
        <source>Save the result as a text file (Ctrl+S)</source>
        <translation>将诊断结果保存为文本文件（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save as &amp;text…</source>
        <translation>保存为文本(&amp;T)…</translation>
    </message>
    <message>
        <source>Clear every answer and start again (Alt+O)</source>
        <translation>清除所有回答，重新开始（Alt+O）</translation>
    </message>
    <message>
        <source>Start &amp;over</source>
        <translation>重新开始(&amp;O)</translation>
    </message>
    <message>
        <source>Previous step (Alt+B)</source>
        <translation>上一步（Alt+B）</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Next step (Alt+N or Enter)</source>
        <translation>下一步（Alt+N 或回车）</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
</context>
<context>
    <name>DiagnosisView</name>
    <message>
        <source>Decided by the published rules</source>
        <translation>已公布的规则可以确定</translation>
    </message>
    <message>
        <source>Partly decided: see what the rules leave open</source>
        <translation>部分确定：请查看规则未明确的内容</translation>
    </message>
    <message>
        <source>Not decided by the published rules</source>
        <translation>已公布的规则无法确定</translation>
    </message>
    <message>
        <source>The diagnosis could not be made: {error}</source>
        <translation>无法完成诊断：{error}</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>If it happens again</source>
        <translation>如果再次违规</translation>
    </message>
    <message>
        <source>Rule catalogue {version}. WeCom decides every case; this is a reading of its published rules.</source>
        <translation>规则库版本 {version}。以上是对企业微信已公布规则的解读，具体处理以企业微信的判定为准。</translation>
    </message>
    <message>
        <source>What to do: {route}</source>
        <translation>处理方式：{route}</translation>
    </message>
    <message>
        <source>Also possible: {routes}</source>
        <translation>也可以：{routes}</translation>
    </message>
    <message>
        <source>Cannot be told from what you entered</source>
        <translation>根据你填写的信息无法判断</translation>
    </message>
    <message>
        <source>Penalty rule:</source>
        <translation>处罚规则：</translation>
    </message>
    <message>
        <source>Step on the ladder:</source>
        <translation>阶梯处罚：</translation>
    </message>
    <message>
        <source>Violation number {step} (§2.2)</source>
        <translation>第 {step} 次违规（§2.2）</translation>
    </message>
    <message>
        <source>Violation category:</source>
        <translation>违规类型：</translation>
    </message>
    <message>
        <source>Certainty:</source>
        <translation>确定程度：</translation>
    </message>
    <message>
        <source>This is an escalated measure for a violation with bad influence, off the ordinary ladder.</source>
        <translation>这是因造成恶劣影响而加重的处罚，不按普通阶梯处理。</translation>
    </message>
    <message>
        <source>Documents to prepare</source>
        <translation>需准备的材料</translation>
    </message>
    <message>
        <source>What the rules do not decide</source>
        <translation>规则未明确的内容</translation>
    </message>
    <message>
        <source>Nothing for this case: the published rules decide every part of this answer.</source>
        <translation>无：本次结论的每一项都由已公布的规则确定。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{title} (Ctrl+{number})</source>
        <translation>{title}（Ctrl+{number}）</translation>
    </message>
    <message>
        <source>&lt;h3&gt;WeCom Appeal &amp;amp; Compliance Assistant {version}&lt;/h3&gt;&lt;p&gt;Diagnoses WeCom account restrictions, assembles appeal packages and audits the enterprise against WeCom&apos;s usage rules, offline.&lt;/p&gt;&lt;p&gt;Rule catalogue version {catalogue}&lt;br&gt;Source: {source}&lt;br&gt;Retrieved on {retrieved}&lt;/p&gt;&lt;p&gt;The app restates WeCom&apos;s published rules; WeCom decides every case.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;企业微信申诉与合规助手 {version}&lt;/h3&gt;&lt;p&gt;离线诊断企业微信账号受限原因、整理申诉材料，并对照企业微信使用规范进行合规自查。&lt;/p&gt;&lt;p&gt;规则库版本 {catalogue}&lt;br&gt;来源：{source}&lt;br&gt;获取日期：{retrieved}&lt;/p&gt;&lt;p&gt;本软件转述企业微信已公布的规则，具体处理以企业微信的判定为准。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>WeCom Appeal &amp; Compliance Assistant</source>
        <translation>企业微信申诉与合规助手</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
</context>
<context>
    <name>NoticeHint</name>
    <message>
        <source>the administrator account</source>
        <translation>管理员账号</translation>
    </message>
    <message>
        <source>the whole enterprise</source>
        <translation>整个企业</translation>
    </message>
    <message>
        <source>only the interop functions</source>
        <translation>仅互通功能</translation>
    </message>
    <message>
        <source>the whole account</source>
        <translation>整个账号</translation>
    </message>
    <message>
        <source>for a limited time</source>
        <translation>限时</translation>
    </message>
    <message>
        <source>permanently</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>until the WeChat account is unblocked</source>
        <translation>直到微信账号解封</translation>
    </message>
    <message>
        <source>Paste a notice to see the likely violation category.</source>
        <translation>粘贴通知后，这里会显示可能的违规类型。</translation>
    </message>
    <message>
        <source>Likely category: {title} ({rule}), confidence {confidence}%. Matched: {matched}</source>
        <translation>可能的违规类型：{title}（{rule}），可信度 {confidence}%。匹配到：{matched}</translation>
    </message>
    <message>
        <source>Also possible: {others}</source>
        <translation>也可能是：{others}</translation>
    </message>
    <message>
        <source>No violation category recognised in this text.</source>
        <translation>未从这段文字中识别出违规类型。</translation>
    </message>
    <message>
        <source>The notice says: {signals}</source>
        <translation>通知中提到：{signals}</translation>
    </message>
    <message>
        <source>Nothing about scope or duration recognised.</source>
        <translation>未识别出限制范围或期限。</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Diagnose</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Appeal package</source>
        <translation>申诉材料包</translation>
    </message>
    <message>
        <source>Self-audit</source>
        <translation>合规自查</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>Rule catalogue {version}, from “{source}” (retrieved {retrieved})</source>
        <translation>规则库版本 {version}，来源：“{source}”（获取日期 {retrieved}）</translation>
    </message>
    <message>
        <source>&lt;p&gt;Choose an item on the left to read it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在左侧选择一项查看详情。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Matches: {count}</source>
        <translation>匹配 {count} 项</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Words in Chinese or English, or a section number such as 2.2</source>
        <translation>输入中文或英文关键词，或条款编号（如 2.2）</translation>
    </message>
    <message>
        <source>Source text section {section}</source>
        <translation>原文第 {section} 节</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>interop functions only</source>
        <translation>仅互通功能</translation>
    </message>
    <message>
        <source>whole account</source>
        <translation>整个账号</translation>
    </message>
    <message>
        <source>for a limited time</source>
        <translation>限时</translation>
    </message>
    <message>
        <source>permanent</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>member account</source>
        <translation>成员账号</translation>
    </message>
    <message>
        <source>administrator account</source>
        <translation>管理员账号</translation>
    </message>
    <message>
        <source>enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Penalty rules</source>
        <translation>处罚规则</translation>
    </message>
    <message>
        <source>Penalised under {rule}.</source>
        <translation>按{rule}处罚。</translation>
    </message>
    <message>
        <source>Ladder step {step}</source>
        <translation>第 {step} 阶段处罚</translation>
    </message>
    <message>
        <source>Blocked: {scope}. Duration: {duration}. The administrator can apply for unblocking: {self_unblock}.</source>
        <translation>限制范围：{scope}。期限：{duration}。管理员可申请解封：{self_unblock}。</translation>
    </message>
    <message>
        <source>Measure: {text}</source>
        <translation>处罚措施：{text}</translation>
    </message>
    <message>
        <source>Applies to: {accounts}.</source>
        <translation>适用于：{accounts}。</translation>
    </message>
    <message>
        <source>Only when the violation had a bad influence.</source>
        <translation>仅在违规造成恶劣影响时适用。</translation>
    </message>
    <message>
        <source>Appeal routes</source>
        <translation>申诉途径</translation>
    </message>
    <message>
        <source>Documents: {documents}</source>
        <translation>所需材料：{documents}</translation>
    </message>
    <message>
        <source>Required documents</source>
        <translation>所需材料</translation>
    </message>
    <message>
        <source>Frequently asked questions</source>
        <translation>常见问题</translation>
    </message>
</context>
</TS>
