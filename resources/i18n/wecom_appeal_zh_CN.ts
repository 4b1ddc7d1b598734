<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppealPage</name>
    <message>
        <source>Load an enterprise profile</source>
        <translation>载入企业资料</translation>
    </message>
    <message>
        <source>{path} is not a profile JSON file: {error}</source>
        <translation>{path} 不是企业资料 JSON 文件：{error}</translation>
    </message>
    <message>
        <source>Authorisation letter</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>No case yet</source>
        <translation>尚无案件</translation>
    </message>
    <message>
        <source>No case yet. On the Diagnose page, diagnose the restriction and choose “Prepare the appeal package”: the package is kept with its case, encrypted in the workspace.</source>
        <translation>尚无案件。请在“诊断”页诊断该限制，然后选择“准备申诉材料”：申诉材料随案件加密保存在工作区中。</translation>
    </message>
    <message>
        <source>The package of case {id} (documents, statement, settings) is kept encrypted in the workspace.</source>
        <translation>案件 {id} 的申诉材料（文件、申诉说明、设置）加密保存在工作区中。</translation>
    </message>
    <message>
        <source>Set up the workspace vault to work on the package of case {id}: it is kept only encrypted.</source>
        <translation>请先设置工作区保险库，才能处理案件 {id} 的申诉材料：材料只以加密方式保存。</translation>
    </message>
    <message>
        <source>The workspace is locked: unlock it to work on the package of case {id}.</source>
        <translation>工作区已锁定：解锁后才能处理案件 {id} 的申诉材料。</translation>
    </message>
    <message>
        <source>Your words were not saved: {error}</source>
        <translation>你的说明未保存：{error}</translation>
    </message>
    <message>
        <source>No case chosen: prepare one from a diagnosis</source>
        <translation>未选择案件：请从诊断结果准备</translation>
    </message>
    <message>
        <source>The workspace vault is not set up yet</source>
        <translation>工作区保险库尚未设置</translation>
    </message>
    <message>
        <source>The workspace is locked: unlock it to check the package</source>
        <translation>工作区已锁定：解锁后才能检查申诉材料</translation>
    </message>
    <message>
        <source>Missing: {document}</source>
        <translation>缺少：{document}</translation>
    </message>
    <message>
        <source>Missing: the enterprise profile</source>
        <translation>缺少：企业资料</translation>
    </message>
    <message>
        <source>The enterprise profile has errors (see above)</source>
        <translation>企业资料有错误（见上方）</translation>
    </message>
    <message>
        <source>Missing: the appeal statement</source>
        <translation>缺少：申诉说明</translation>
    </message>
    <message>
        <source>The statement still asks: {what}</source>
        <translation>申诉说明尚待填写：{what}</translation>
    </message>
    <message>
        <source>This route needs no appeal package.</source>
        <translation>此处理途径不需要申诉材料。</translation>
    </message>
    <message>
        <source>The package is complete for this route.</source>
        <translation>材料已齐全，符合该申诉途径的要求。</translation>
    </message>
    <message>
        <source>the enterprise profile and the package of each case</source>
        <translation>企业资料和各案件的申诉材料</translation>
    </message>
    <message>
        <source>The package is incomplete</source>
        <translation>材料不齐全</translation>
    </message>
    <message>
        <source>The route still needs:
{items}

Build anyway?</source>
        <translation>该申诉途径仍缺少：
{items}

仍要生成吗？</translation>
    </message>
    <message>
        <source>Save the PDF bundle</source>
        <translation>保存 PDF 材料包</translation>
    </message>
    <message>
        <source>Choose a folder for the upload kit</source>
        <translation>选择上传包的保存文件夹</translation>
    </message>
    <message>
        <source>enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Case {id} · {date} · {who} · {route}</source>
        <translation>案件 {id} · {date} · {who} · {route}</translation>
    </message>
    <message>
        <source>No enterprise profile yet. Enter it on the profile page, or load a profile JSON file.</source>
        <translation>尚无企业资料。请在“企业资料”页填写，或载入企业资料 JSON 文件。</translation>
    </message>
    <message>
        <source>Legal person {name} ({id})</source>
        <translation>法定代表人 {name}（{id}）</translation>
    </message>
    <message>
        <source>Administrator {name} ({id}, phone {phone})</source>
        <translation>管理员 {name}（{id}，电话 {phone}）</translation>
    </message>
    <message>
        <source>Credit code {code} · CorpID {corp}</source>
        <translation>统一社会信用代码 {code} · 企业ID {corp}</translation>
    </message>
    <message>
        <source>Package for</source>
        <translation>材料包对应</translation>
    </message>
    <message>
        <source>&amp;Case:</source>
        <translation>案件(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>申诉途径(&amp;R)：</translation>
    </message>
    <message>
        <source>Diagnose first…</source>
        <translation>先去诊断…</translation>
    </message>
    <message>
        <source>Enterprise profile</source>
        <translation>企业资料</translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation>编辑企业资料(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Load from a file…</source>
        <translation>从文件载入(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>材料(&amp;D)</translation>
    </message>
    <message>
        <source>Drop files on a slot, paste a picture with Ctrl+V, or click Add…. JPEG, PNG, HEIC and PDF are accepted; each file is checked as it comes in.</source>
        <translation>把文件拖到对应材料栏，或按 Ctrl+V 粘贴图片，也可点击“添加…”。支持 JPEG、PNG、HEIC 和 PDF，每个文件添加时都会检查。</translation>
    </message>
    <message>
        <source>&amp;Statement and letter</source>
        <translation>申诉说明与授权书(&amp;S)</translation>
    </message>
    <message>
        <source>The appeal statement: the enterprise&apos;s letter, written from the case&apos;s facts, the profile and your words below. What is missing stays a highlighted 【请填写：…】 placeholder. You may edit the text itself: the bundle and the upload kit use it.</source>
        <translation>申诉说明是企业的申诉信，根据案件事实、企业资料和你在下面写的内容生成。缺少的内容会保留为醒目的“【请填写：…】”占位符。也可以直接修改正文：PDF 材料包和上传包都使用这里的文字。</translation>
    </message>
    <message>
        <source>Re&amp;generate from your words</source>
        <translation>根据你的说明重新生成(&amp;G)</translation>
    </message>
    <message>
        <source>Generate the letter from the profile, print it, have it signed and sealed, then scan it into the “Authorisation letter (sealed)” slot.</source>
        <translation>根据企业资料生成授权委托书，打印后签字盖章，再扫描放入“授权委托书（盖章）”材料栏。</translation>
    </message>
    <message>
        <source>Generate &amp;letter…</source>
        <translation>生成授权委托书(&amp;L)…</translation>
    </message>
    <message>
        <source>Pre&amp;view letter…</source>
        <translation>预览授权委托书(&amp;V)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>Purpose watermark</source>
        <translation>用途水印</translation>
    </message>
    <message>
        <source>&amp;Watermark the ID pictures</source>
        <translation>为身份证照片添加水印(&amp;W)</translation>
    </message>
    <message>
        <source>Watermark &amp;every picture</source>
        <translation>为所有图片添加水印(&amp;E)</translation>
    </message>
    <message>
        <source>Adjust and &amp;preview…</source>
        <translation>调整并预览(&amp;P)…</translation>
    </message>
    <message>
        <source>PDF bundle</source>
        <translation>PDF 材料包</translation>
    </message>
    <message>
        <source>Package &amp;language:</source>
        <translation>材料语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Image &amp;resolution:</source>
        <translation>图像分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Both sides of the ID card on &amp;one page</source>
        <translation>身份证正反面放在同一页(&amp;O)</translation>
    </message>
    <message>
        <source>Upload kit</source>
        <translation>上传包</translation>
    </message>
    <message>
        <source>&amp;Size cap per file:</source>
        <translation>单个文件大小上限(&amp;S)：</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> KB</translation>
    </message>
    <message>
        <source>Statement &amp;character limit:</source>
        <translation>申诉说明字数上限(&amp;C)：</translation>
    </message>
    <message>
        <source>What the route still needs</source>
        <translation>该申诉途径还需要</translation>
    </message>
    <message>
        <source>Build PDF &amp;bundle…</source>
        <translation>生成 PDF 材料包(&amp;B)…</translation>
    </message>
    <message>
        <source>Build upload &amp;kit…</source>
        <translation>生成上传包(&amp;K)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Show &amp;folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>AuditChecklistPage</name>
    <message>
        <source>remove {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Encrypted evidence (unlock the vault to see its name)</source>
        <translation>加密的证据（解锁保险库后可见文件名）</translation>
    </message>
    <message>
        <source>{count} evidence file(s) added to the encrypted vault.</source>
        <translation>已将 {count} 个证据文件存入加密保险库。</translation>
    </message>
    <message>
        <source>Evidence not added: {error}</source>
        <translation>证据未添加：{error}</translation>
    </message>
    <message>
        <source>{name} removed. Undo with Ctrl+Z.</source>
        <translation>已删除 {name}。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>The evidence cannot be changed: {error}</source>
        <translation>无法更改该证据：{error}</translation>
    </message>
    <message>
        <source>The evidence cannot be opened: {error}</source>
        <translation>无法打开该证据：{error}</translation>
    </message>
    <message>
        <source>Discard the answers that are not saved?</source>
        <translation>放弃尚未保存的回答吗？</translation>
    </message>
    <message>
        <source>Answer at least one question before saving.</source>
        <translation>请至少回答一个问题后再保存。</translation>
    </message>
    <message>
        <source>Could not save the audit: {error}</source>
        <translation>无法保存本次自查：{error}</translation>
    </message>
    <message>
        <source>The audit was saved.</source>
        <translation>自查已保存。</translation>
    </message>
    <message>
        <source>The workspace cannot be opened: {error}</source>
        <translation>无法打开工作区：{error}</translation>
    </message>
    <message>
        <source>This audit cannot be opened: {error}</source>
        <translation>无法打开此次自查：{error}</translation>
    </message>
    <message>
        <source>New audit, not saved yet.</source>
        <translation>新的自查，尚未保存。</translation>
    </message>
    <message>
        <source>Changed since it was saved.</source>
        <translation>保存后已有修改。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Export the audit report as PDF</source>
        <translation>将自查报告导出为 PDF</translation>
    </message>
    <message>
        <source>Export the audit as CSV</source>
        <translation>将自查导出为 CSV</translation>
    </message>
    <message>
        <source>Export the audit as JSON</source>
        <translation>将自查导出为 JSON</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>PDF 报告…</translation>
    </message>
    <message>
        <source>CSV (editable)…</source>
        <translation>CSV（可编辑）…</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>e.g. Q4 self-audit</source>
        <translation>例如：第四季度自查</translation>
    </message>
    <message>
        <source>A&amp;uditor:</source>
        <translation>自查人(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;New audit</source>
        <translation>新建自查(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save audit</source>
        <translation>保存自查(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Export report</source>
        <translation>导出报告(&amp;E)</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Findings, point by point</source>
        <translation>逐项说明的问题</translation>
    </message>
    <message>
        <source>Remediation plan</source>
        <translation>整改计划</translation>
    </message>
    <message>
        <source>Answer every question; “yes” is always the compliant answer. Evidence you add to an answer is copied into the encrypted vault of the workspace.</source>
        <translation>请回答每个问题；“是”始终是合规的回答。为回答添加的证据会复制到工作区的加密保险库中。</translation>
    </message>
    <message>
        <source>Every answer that costs points becomes a measure. Edit the measure, owner, due date and status; measures under way or done are offered to the appeal statement.</source>
        <translation>每个扣分的回答都会生成一项整改措施。可编辑措施、负责人、截止日期和状态；进行中或已完成的措施可用于申诉说明。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>&amp;Open the selected audit</source>
        <translation>打开所选自查(&amp;O)</translation>
    </message>
</context>
<context>
    <name>AuditExport</name>
    <message>
        <source>Writing {path}…</source>
        <translation>正在写入 {path}…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Could not write the report: {error}</source>
        <translation>无法写入报告：{error}</translation>
    </message>
</context>
<context>
    <name>AuditFetchDialog</name>
    <message>
        <source>Kept in the system keyring: {where}</source>
        <translation>保存在系统钥匙串中：{where}</translation>
    </message>
    <message>
        <source>Not remembered: no usable system keyring was found ({reason}). The secret is used for this fetch only and never written to a file.</source>
        <translation>不会记住：未找到可用的系统钥匙串（{reason}）。Secret 仅用于本次获取，绝不写入文件。</translation>
    </message>
    <message>
        <source>Enter the CorpID and the secret.</source>
        <translation>请输入 CorpID 和 Secret。</translation>
    </message>
    <message>
        <source>Enter at least one member userid.</source>
        <translation>请至少输入一个成员 userid。</translation>
    </message>
    <message>
        <source>The base URL must start with http:// or https://.</source>
        <translation>接口地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Fetch behaviour data from WeCom</source>
        <translation>从企业微信获取行为数据</translation>
    </message>
    <message>
        <source>Reads each member&apos;s external-contact statistics through WeCom&apos;s API (get_user_behavior_data), 30 days per call, within the last 180 days.</source>
        <translation>通过企业微信接口（get_user_behavior_data）读取每位成员的客户联系统计数据，每次调用最多 30 天，范围为最近 180 天。</translation>
    </message>
    <message>
        <source>&amp;CorpID:</source>
        <translation>CorpID(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>Secret(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Remember the CorpID and secret in the system keyring</source>
        <translation>在系统钥匙串中记住 CorpID 和 Secret(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>接口地址(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Members:</source>
        <translation>成员(&amp;M)：</translation>
    </message>
    <message>
        <source>Member userids, one per line or separated by commas</source>
        <translation>成员 userid，每行一个或以逗号分隔</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;to:</source>
        <translation>至(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Behaviour scan</source>
        <translation>行为扫描</translation>
    </message>
    <message>
        <source>the evidence files of the answers</source>
        <translation>自查答案的证明文件</translation>
    </message>
</context>
<context>
    <name>AuditScanPage</name>
    <message>
        <source>Import behaviour data</source>
        <translation>导入行为数据</translation>
    </message>
    <message>
        <source>Behaviour data (*.csv *.txt *.tsv *.xlsx *.xlsm)</source>
        <translation>行为数据 (*.csv *.txt *.tsv *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Reading {path}…</source>
        <translation>正在读取 {path}…</translation>
    </message>
    <message>
        <source>Fetching from WeCom…</source>
        <translation>正在从企业微信获取…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>The data could not be read; see the problem below.</source>
        <translation>无法读取数据，请查看下方的问题说明。</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>The ledger cannot be read: {error}</source>
        <translation>无法读取违规记录：{error}</translation>
    </message>
    <message>
        <source>{source}: {read} rows read, {kept} kept, {rejected} rejected; {members} members, {flagged} flagged.</source>
        <translation>{source}：读取 {read} 行，保留 {kept} 行，拒绝 {rejected} 行；成员 {members} 位，标记 {flagged} 位。</translation>
    </message>
    <message>
        <source>{file}, line {line}: {reason}</source>
        <translation>{file}，第 {line} 行：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more rejected line(s).</source>
        <translation>
            <numerusform>……另有 %n 行被拒绝。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the scan report as PDF</source>
        <translation>将扫描报告导出为 PDF</translation>
    </message>
    <message>
        <source>Export the scan as CSV</source>
        <translation>将扫描结果导出为 CSV</translation>
    </message>
    <message>
        <source>Export the scan as JSON</source>
        <translation>将扫描结果导出为 JSON</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>PDF 报告…</translation>
    </message>
    <message>
        <source>CSV (editable)…</source>
        <translation>CSV（可编辑）…</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>&amp;Import a file…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Fetch from WeCom…</source>
        <translation>从企业微信获取(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Thresholds…</source>
        <translation>阈值(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Export report</source>
        <translation>导出报告(&amp;E)</translation>
    </message>
    <message>
        <source>Filter members</source>
        <translation>筛选成员</translation>
    </message>
    <message>
        <source>Only f&amp;lagged</source>
        <translation>仅显示已标记(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Import the members&apos; behaviour data (CSV or XLSX, English or Chinese column titles) or drop the file here. The scan flags members whose pattern matches malicious adding or harassment (rule 1, section 2.1).</source>
        <translation>导入成员行为数据（CSV 或 XLSX，列标题可为中文或英文），或将文件拖放到此处。扫描会标记行为模式符合恶意添加或骚扰（规则一，第 2.1 节）的成员。</translation>
    </message>
    <message>
        <source>Members and their signals</source>
        <translation>成员及其信号</translation>
    </message>
    <message>
        <source>Signals of the selected member</source>
        <translation>所选成员的信号</translation>
    </message>
    <message>
        <source>Rows the import rejected, with their line numbers</source>
        <translation>导入时被拒绝的行及其行号</translation>
    </message>
</context>
<context>
    <name>AuditScores</name>
    <message>
        <source>No score yet</source>
        <translation>尚无得分</translation>
    </message>
    <message>
        <source>Answer a question with yes, partly or no to see the scores.</source>
        <translation>请至少以“是”“部分”或“否”回答一个问题，即可看到得分。</translation>
    </message>
    <message>
        <source>{score:.0f} / 100</source>
        <translation>{score:.0f} / 100</translation>
    </message>
    <message>
        <source>{answered} of {total} questions answered.</source>
        <translation>已回答 {answered}/{total} 个问题。</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 项问题</numerusform>
        </translation>
    </message>
    <message>
        <source>A critical question was answered “no”, which raises the level: {question}</source>
        <translation>关键问题回答为“否”，风险等级因此上调：{question}</translation>
    </message>
    <message>
        <source>“{category}” scores below {floor:g}, which raises the level.</source>
        <translation>“{category}”得分低于 {floor:g}，风险等级因此上调。</translation>
    </message>
    <message>
        <source>Answer: {answer}; −{points:g} points; sections {sections}</source>
        <translation>回答：{answer}；扣 {points:g} 分；依据第 {sections} 节</translation>
    </message>
    <message>
        <source>What the rules say: {basis}</source>
        <translation>规则要点（转述）：{basis}</translation>
    </message>
    <message>
        <source>Advice (this app&apos;s suggestion): {advice}</source>
        <translation>建议（本应用的建议，非企业微信规定）：{advice}</translation>
    </message>
    <message>
        <source>Critical question.</source>
        <translation>关键问题。</translation>
    </message>
    <message>
        <source>Your note: {note}</source>
        <translation>您的备注：{note}</translation>
    </message>
    <message>
        <source>No findings: every answered question is compliant.</source>
        <translation>没有发现问题：已回答的问题均符合规范。</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) not answered yet; they are not scored.</source>
        <translation>
            <numerusform>还有 %n 个问题未回答，未计入得分。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditThresholdsDialog</name>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Malicious adding (rule 1, 2.1)</source>
        <translation>恶意添加（规则一，2.1）</translation>
    </message>
    <message>
        <source>Harassment (rule 1, 2.1 and 5.1)</source>
        <translation>骚扰（规则一，2.1 和 5.1）</translation>
    </message>
    <message>
        <source>Trend: days after which a day counts half</source>
        <translation>趋势：经过多少天后某天的权重减半</translation>
    </message>
    <message>
        <source>Applications that make a day a spike day</source>
        <translation>单日申请数达到多少算作高峰日</translation>
    </message>
    <message>
        <source>Judge acceptance from this many applications</source>
        <translation>申请数达到多少时才评估通过率</translation>
    </message>
    <message>
        <source>Flag at this many applications a day</source>
        <translation>日均申请数达到多少时标记</translation>
    </message>
    <message>
        <source>… with acceptance below (share, 0–1)</source>
        <translation>……且通过率低于（比例，0–1）</translation>
    </message>
    <message>
        <source>Flag a single day with this many applications</source>
        <translation>单日申请数达到多少时标记</translation>
    </message>
    <message>
        <source>… or this many spike days</source>
        <translation>……或高峰日达到多少天</translation>
    </message>
    <message>
        <source>Flag daily applications rising by this much a week</source>
        <translation>每日申请数每周增加多少时标记</translation>
    </message>
    <message>
        <source>… while averaging at least this many a day</source>
        <translation>……且日均至少多少次</translation>
    </message>
    <message>
        <source>Judge feedback from this many new customers</source>
        <translation>新增客户达到多少位时才评估负反馈</translation>
    </message>
    <message>
        <source>… and this many deletions or blocks</source>
        <translation>……且删除或拉黑至少多少次</translation>
    </message>
    <message>
        <source>Flag deletions and blocks per new customer (share, 0–1)</source>
        <translation>每位新增客户对应的删除和拉黑达到多少时标记（比例，0–1）</translation>
    </message>
    <message>
        <source>Judge messaging from this many chats</source>
        <translation>聊天数达到多少时才评估消息发送</translation>
    </message>
    <message>
        <source>Flag at this many messages per chat</source>
        <translation>每个聊天的消息数达到多少时标记</translation>
    </message>
    <message>
        <source>… with chats replied below (%)</source>
        <translation>……且已回复聊天占比低于（%）</translation>
    </message>
    <message>
        <source>Scan thresholds</source>
        <translation>扫描阈值</translation>
    </message>
    <message>
        <source>WeCom publishes no numbers: its adding limits differ per enterprise (5.1). These are the app&apos;s defaults; change them to fit your enterprise. They are kept in this app&apos;s settings.</source>
        <translation>企业微信未公布具体数值：添加上限因企业而异（5.1）。以下为本应用的默认值，可按贵企业的情况调整，并保存在本应用的设置中。</translation>
    </message>
</context>
<context>
    <name>BuildController</name>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>{name}: {pages} pages, {size}.</source>
        <translation>{name}：共 {pages} 页，{size}。</translation>
    </message>
    <message>
        <source>{folder}: {count} files, {size} in all.</source>
        <translation>{folder}：共 {count} 个文件，合计 {size}。</translation>
    </message>
    <message>
        <source>{name} is still above the size cap ({size}).</source>
        <translation>{name} 仍超过大小上限（{size}）。</translation>
    </message>
    <message>
        <source>The statement was shortened to {count} characters to fit the limit; edit it to choose what is left out.</source>
        <translation>为符合字数限制，申诉说明已截短为 {count} 字；可自行修改，决定删减哪些内容。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>The build failed: {message}</source>
        <translation>生成失败：{message}</translation>
    </message>
    <message>
        <source>Cancelled; no bundle was written.</source>
        <translation>已取消，未写入材料包。</translation>
    </message>
    <message>
        <source>Cancelled; the kit folder may hold some of the files.</source>
        <translation>已取消，上传包文件夹中可能已有部分文件。</translation>
    </message>
    <message>
        <source>Print the bundle</source>
        <translation>打印材料包</translation>
    </message>
    <message>
        <source>This installation lacks the PDF renderer (pypdfium2), so the bundle is printed from your PDF viewer: it opens there, and its Print command (Ctrl+P) prints it.</source>
        <translation>此安装缺少 PDF 渲染组件（pypdfium2），因此申诉材料需通过 PDF 阅读器打印：它将在阅读器中打开，使用其打印命令（Ctrl+P）即可打印。</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <source>Restricted</source>
        <translation>受限中</translation>
    </message>
    <message>
        <source>Unblock requested</source>
        <translation>已申请解封</translation>
    </message>
    <message>
        <source>Appeal submitted</source>
        <translation>已提交申诉</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结束</translation>
    </message>
    <message>
        <source>Unblocked</source>
        <translation>已解封</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>维持处罚</translation>
    </message>
    <message>
        <source>Limited time</source>
        <translation>限时</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>Until WeChat is unblocked</source>
        <translation>直至微信解封</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>A member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>The administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>The whole enterprise</source>
        <translation>整个企业</translation>
    </message>
    <message>
        <source>Not determined</source>
        <translation>无法判断</translation>
    </message>
    <message>
        <source>{rule}, step {step}</source>
        <translation>{rule}，第 {step} 阶段</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>Restricted on</source>
        <translation>受限日期</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>解决途径</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>违规类型</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>(before the app)</source>
        <translation>（使用本应用之前）</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Business licence</source>
        <translation>营业执照</translation>
    </message>
    <message>
        <source>Legal person&apos;s ID card (front)</source>
        <translation>法人身份证（人像面）</translation>
    </message>
    <message>
        <source>Legal person&apos;s ID card (back)</source>
        <translation>法人身份证（国徽面）</translation>
    </message>
    <message>
        <source>Legal person holding the ID card</source>
        <translation>法人手持身份证照片</translation>
    </message>
    <message>
        <source>Company-seal authorisation letter</source>
        <translation>盖章授权书</translation>
    </message>
    <message>
        <source>Screenshot of the notice</source>
        <translation>处罚通知截图</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Images and PDFs (*.jpg *.jpeg *.png *.heic *.webp *.pdf);;All files (*)</source>
        <translation>图片和 PDF (*.jpg *.jpeg *.png *.heic *.webp *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>the notices and the documents of the cases</source>
        <translation>各案件的通知原文和文件</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>The workspace cannot be opened: {error}</source>
        <translation>无法打开工作区：{error}</translation>
    </message>
    <message>
        <source>Waiting until {date}</source>
        <translation>等待至 {date}</translation>
    </message>
    <message>
        <source>Case {id} · {who} · restricted on {date}</source>
        <translation>案件 {id} · {who} · {date} 受限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>解决途径</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>违规行为</translation>
    </message>
    <message>
        <source>Earlier rule-1 restrictions</source>
        <translation>此前规则一处罚次数</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>依据条款</translation>
    </message>
    <message>
        <source>The linked WeChat account was unblocked</source>
        <translation>关联的微信账号已解封</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>待到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已按时解封</translation>
    </message>
    <message>
        <source>Rule 2: WeCom should unblock the account within {hours} h after the linked WeChat account is unblocked ({section}). Enter the date the WeChat account was unblocked to see the deadline.</source>
        <translation>规则二：关联的微信账号解封后 {hours} 小时内，企业微信账号应自动解封（{section}）。填写微信账号的解封时间即可看到截止时间。</translation>
    </message>
    <message>
        <source>No deadline applies to this case.</source>
        <translation>此案件没有适用的时限。</translation>
    </message>
    <message>
        <source>{kind} · {size} KB · added {date}</source>
        <translation>{kind} · {size} KB · {date} 添加</translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>尚无材料。</translation>
    </message>
    <message>
        <source>Undo {action} (Ctrl+Z)</source>
        <translation>撤销{action}（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Undo the last deletion (Ctrl+Z)</source>
        <translation>撤销上一次删除（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Case {id}: {status}</source>
        <translation>案件 {id}：{status}</translation>
    </message>
    <message>
        <source>Attach documents to case {id}</source>
        <translation>为案件 {id} 添加材料</translation>
    </message>
    <message>
        <source>Could not attach {name}: {error}</source>
        <translation>无法添加 {name}：{error}</translation>
    </message>
    <message>
        <source>{count} document(s) attached to case {id}.</source>
        <translation>已为案件 {id} 添加 {count} 份材料。</translation>
    </message>
    <message>
        <source>{document} removed. Undo with Ctrl+Z.</source>
        <translation>已移除“{document}”。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Case {id} moved to the trash. Undo with Ctrl+Z.</source>
        <translation>案件 {id} 已移入回收站。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>No members yet: a member is added when a case is recorded for them.</source>
        <translation>尚无成员：为成员记录案件时会自动添加。</translation>
    </message>
    <message>
        <source>Violation ledger of {userid}: {count} restriction(s), {rule1} under rule 1.</source>
        <translation>{userid} 的违规记录：共 {count} 次受限，其中规则一 {rule1} 次。</translation>
    </message>
    <message>
        <source>Not recorded: “{text}” is not a userid (1 to 64 printable characters, no blank at either end).</source>
        <translation>未记录：“{text}”不是有效的成员账号（应为 1 到 64 个可打印字符，首尾不能是空白）。</translation>
    </message>
    <message>
        <source>Recorded an earlier restriction of {userid} on {date}.</source>
        <translation>已补记 {userid} 于 {date} 的受限。</translation>
    </message>
    <message>
        <source>delete case {id}</source>
        <translation>删除案件 {id}</translation>
    </message>
    <message>
        <source>remove {document}</source>
        <translation>移除“{document}”</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>成员(&amp;M)：</translation>
    </message>
    <message>
        <source>R&amp;ule:</source>
        <translation>规则(&amp;U)：</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Recorded cases</source>
        <translation>已记录的案件</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>案件详情</translation>
    </message>
    <message>
        <source>Select a case to see its diagnosis, timeline, deadlines and documents. Cases are recorded from the result of the Diagnose workspace.</source>
        <translation>选择一个案件，查看其诊断、进度、时限和材料。案件在“诊断”工作区的结果页记录。</translation>
    </message>
    <message>
        <source>The administrator applied for unblocking in the admin console</source>
        <translation>管理员已在管理后台申请解封</translation>
    </message>
    <message>
        <source>Unblock &amp;requested</source>
        <translation>已申请解封(&amp;R)</translation>
    </message>
    <message>
        <source>An appeal was submitted on the page or to customer support</source>
        <translation>已在页面上或向客服提交申诉</translation>
    </message>
    <message>
        <source>&amp;Appeal submitted</source>
        <translation>已提交申诉(&amp;A)</translation>
    </message>
    <message>
        <source>The account works again</source>
        <translation>账号已恢复使用</translation>
    </message>
    <message>
        <source>Re&amp;solved</source>
        <translation>已解决(&amp;S)</translation>
    </message>
    <message>
        <source>The request or appeal was rejected, or the restriction came back</source>
        <translation>申请或申诉被驳回，或再次受限</translation>
    </message>
    <message>
        <source>Restricted a&amp;gain</source>
        <translation>再次受限(&amp;G)</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>WeChat account &amp;unblocked on:</source>
        <translation>微信账号解封时间(&amp;U)：</translation>
    </message>
    <message>
        <source>Recor&amp;d</source>
        <translation>记录(&amp;D)</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>移除(&amp;V)</translation>
    </message>
    <message>
        <source>Or drop files here. They are encrypted into the workspace vault.</source>
        <translation>也可以把文件拖到这里。文件会加密保存在工作区保险库中。</translation>
    </message>
    <message>
        <source>Every change is saved at once.</source>
        <translation>每项修改都会立即保存。</translation>
    </message>
    <message>
        <source>Move the case to the trash; Ctrl+Z brings it back</source>
        <translation>将案件移入回收站；按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>De&amp;lete case</source>
        <translation>删除案件(&amp;L)</translation>
    </message>
    <message>
        <source>Member ledger</source>
        <translation>成员违规记录</translation>
    </message>
    <message>
        <source>Record an earlier restriction (from before the app)</source>
        <translation>补记此前的受限（使用本应用之前）</translation>
    </message>
    <message>
        <source>M&amp;ember:</source>
        <translation>成员(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Ru&amp;le:</source>
        <translation>规则(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Add to the ledger</source>
        <translation>记入违规记录(&amp;A)</translation>
    </message>
    <message>
        <source>Each rule-1 restriction raises the next penalty one step (section 2.2); the Diagnose workspace reads this ledger.</source>
        <translation>每次规则一处罚都会使下一次处罚升高一个阶段（第 2.2 节）；“诊断”工作区会读取这些记录。</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Open texts</source>
        <translation>打开文本</translation>
    </message>
    <message>
        <source>Texts (*.txt *.csv *.tsv *.xlsx);;All files (*)</source>
        <translation>文本 (*.txt *.csv *.tsv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{name} holds no texts.</source>
        <translation>{name} 中没有文本。</translation>
    </message>
    <message>
        <source>Import word list</source>
        <translation>导入词表</translation>
    </message>
    <message>
        <source>Word lists (*.txt *.csv);;All files (*)</source>
        <translation>词表 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Check before sending</source>
        <translation>发送前检查</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>粘贴的文本</translation>
    </message>
    <message>
        <source>Nothing checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <source>{count} hidden by the filter.</source>
        <translation>其中 {count} 处被筛选隐藏。</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source> day</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>Paste a welcome message, mass-message text, Moments post or group announcement, or open a TXT, CSV or XLSX file with one text per row. Each finding cites the rule and section it comes from; findings marked as the app&apos;s advice are not WeCom&apos;s rules.</source>
        <translation>粘贴欢迎语、群发消息、朋友圈文案或群公告，或打开每行一条文本的 TXT、CSV、XLSX 文件。每个问题都注明所依据的处罚规则和条款；标为“本应用的建议”的并非企业微信规则。</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import word list…</source>
        <translation>导入词表(&amp;I)…</translation>
    </message>
    <message>
        <source>Add the words of a plain list (one a line or comma-separated, such as WeCom&apos;s chat intercept rules) to the enterprise&apos;s own checks</source>
        <translation>把词表中的词语（每行一个或以逗号分隔，如企业微信聊天拦截规则）加入企业自己的检查项</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>All findings</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <source>Medium and high</source>
        <translation>中、高级别</translation>
    </message>
    <message>
        <source>High only</source>
        <translation>仅高级别</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Texts:</source>
        <translation>文本(&amp;T)：</translation>
    </message>
    <message>
        <source>Paste the text to check here</source>
        <translation>在此粘贴要检查的文本</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>检查(&amp;H)</translation>
    </message>
    <message>
        <source>Send plan (customer mass message)</source>
        <translation>发送计划（客户群发）</translation>
    </message>
    <message>
        <source>C&amp;ustomers:</source>
        <translation>客户数(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Messages to each customer:</source>
        <translation>每位客户收到(&amp;M)：</translation>
    </message>
    <message>
        <source>e&amp;very</source>
        <translation>条，每(&amp;V)</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Found text</source>
        <translation>命中内容</translation>
    </message>
    <message>
        <source>The text with its findings</source>
        <translation>文本及其问题</translation>
    </message>
</context>
<context>
    <name>CitationChip</name>
    <message>
        <source>What the rule catalogue says (a restatement of WeCom&apos;s rules):</source>
        <translation>规则目录的表述（对企业微信规则的转述）：</translation>
    </message>
    <message>
        <source>…and {count} more in the Rules workspace.</source>
        <translation>……另有 {count} 条，见“规则”工作区。</translation>
    </message>
</context>
<context>
    <name>CropCanvas</name>
    <message>
        <source>Picture to crop</source>
        <translation>待裁剪的图片</translation>
    </message>
    <message>
        <source>Keeps {left:.0f}–{right:.0f} % across and {top:.0f}–{bottom:.0f} % down. Arrow keys move the rectangle, Shift+arrow keys change its size.</source>
        <translation>保留横向 {left:.0f}–{right:.0f} %、纵向 {top:.0f}–{bottom:.0f} % 的部分。方向键移动矩形，Shift+方向键调整其大小。</translation>
    </message>
</context>
<context>
    <name>CropDialog</name>
    <message>
        <source>Crop the picture</source>
        <translation>裁剪图片</translation>
    </message>
    <message>
        <source>Drag a rectangle around the part to keep, or use the arrow keys (Shift+arrows change its size). Reset keeps the whole picture.</source>
        <translation>拖出一个矩形框住要保留的部分，或使用方向键（Shift+方向键调整大小）。“重置”保留整张图片。</translation>
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
        <source>Not recorded: “{text}” is not a userid.</source>
        <translation>未记录：“{text}”不是有效的成员账号（userid）。</translation>
    </message>
    <message>
        <source>Not recorded: the notice text is kept encrypted and the workspace vault is locked.</source>
        <translation>未记录：通知文本需要加密保存，但工作区保险库尚未解锁。</translation>
    </message>
    <message>
        <source>Not recorded: {error}</source>
        <translation>未记录：{error}</translation>
    </message>
    <message>
        <source>The wait date was not kept: {error}</source>
        <translation>等待日期未保存：{error}</translation>
    </message>
    <message>
        <source>Recorded as case {id}; see it in the Cases workspace.</source>
        <translation>已记录为案件 {id}，可在“案件”工作区查看。</translation>
    </message>
    <message>
        <source>&amp;Record as case</source>
        <translation>记录为案件(&amp;R)</translation>
    </message>
    <message>
        <source>Record this restriction as a case, and in the member&apos;s violation ledger (Ctrl+R)</source>
        <translation>将此次受限记录为案件，并记入成员的违规记录（Ctrl+R）</translation>
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
        <source>&amp;We have checked our use and believe no rule was broken (restricted by mistake)</source>
        <translation>我们已自查，认为没有违规（属于误封）(&amp;W)</translation>
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
        <source>The app&apos;s reading, not the rules&apos; words</source>
        <translation>本应用的判断，并非规则原文</translation>
    </message>
    <message>
        <source>What to do: {route}</source>
        <translation>处理方式：{route}</translation>
    </message>
    <message>
        <source>The app&apos;s advice, not a WeCom rule: {advice}</source>
        <translation>本应用的建议（并非企业微信规则）：{advice}</translation>
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
        <source>The list is open: the rules end it with “etc.”, so customer support may ask for more documents (§5.3).</source>
        <translation>清单未列全：规则以“等”字结尾，腾讯客服可能要求其他材料（第 5.3 条）。</translation>
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
    <name>DocumentSlot</name>
    <message>
        <source>✓ Provided</source>
        <translation>✓ 已提供</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Choose a JPEG, PNG, HEIC or PDF file</source>
        <translation>选择 JPEG、PNG、HEIC 或 PDF 文件</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Paste an image from the clipboard (Ctrl+V)</source>
        <translation>从剪贴板粘贴图片（Ctrl+V）</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Turn the picture 90° clockwise</source>
        <translation>将图片顺时针旋转 90°</translation>
    </message>
    <message>
        <source>Crop…</source>
        <translation>裁剪…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Bring back the document removed last</source>
        <translation>恢复最近移除的材料</translation>
    </message>
    <message>
        <source>Drop files here, paste with Ctrl+V, or click Add…</source>
        <translation>拖放文件到这里、按 Ctrl+V 粘贴，或点击“添加…”</translation>
    </message>
    <message>
        <source>{action}: {document}</source>
        <translation>{action}：{document}</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Documents (*.jpg *.jpeg *.png *.heic *.heif *.pdf);;All files (*)</source>
        <translation>材料文件 (*.jpg *.jpeg *.png *.heic *.heif *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Add a document</source>
        <translation>添加材料</translation>
    </message>
    <message>
        <source>The clipboard holds no picture or file to paste.</source>
        <translation>剪贴板中没有可粘贴的图片或文件。</translation>
    </message>
    <message>
        <source>The pasted picture is empty.</source>
        <translation>粘贴的图片是空的。</translation>
    </message>
    <message>
        <source>This slot holds one document; the other {count} file(s) were not added.</source>
        <translation>此材料栏只能放一份材料，其余 {count} 个文件未添加。</translation>
    </message>
    <message>
        <source>{name}: only {width}×{height} pixels after editing; text may be unreadable when printed. At least {minimum} pixels on the long side is safer.</source>
        <translation>{name}：编辑后仅 {width}×{height} 像素，打印后文字可能看不清，建议长边至少 {minimum} 像素。</translation>
    </message>
    <message>
        <source>{name} was removed. Undo brings it back.</source>
        <translation>已移除 {name}。点击“撤销”可恢复。</translation>
    </message>
    <message>
        <source>{name} is back.</source>
        <translation>已恢复 {name}。</translation>
    </message>
    <message>
        <source>PDF, {pages} page(s), {size}</source>
        <translation>PDF，{pages} 页，{size}</translation>
    </message>
    <message>
        <source>{type}, {width}×{height} pixels, {size}</source>
        <translation>{type}，{width}×{height} 像素，{size}</translation>
    </message>
    <message>
        <source>A standing document of the Enterprise page, shared by every case; removing it here leaves it out of this package only.</source>
        <translation>这是“企业”页保存的常备材料，所有案件共用；在此移除只会将其排除在本次申诉材料之外。</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <source>Due now ({count})</source>
        <translation>待办事项（{count}）</translation>
    </message>
</context>
<context>
    <name>EnterpriseDocuments</name>
    <message>
        <source>Images and PDFs (*.jpg *.jpeg *.png *.heic *.webp *.pdf)</source>
        <translation>图片和 PDF (*.jpg *.jpeg *.png *.heic *.webp *.pdf)</translation>
    </message>
</context>
<context>
    <name>EnterpriseDocumentsBox</name>
    <message>
        <source>Replace…</source>
        <translation>替换…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Not on file.</source>
        <translation>尚未保存。</translation>
    </message>
    <message>
        <source>On file since {date} · {size} KB</source>
        <translation>{date} 起已保存 · {size} KB</translation>
    </message>
    <message>
        <source>Choose the {document}</source>
        <translation>选择{document}</translation>
    </message>
    <message>
        <source>Could not add {name}: {error}</source>
        <translation>无法添加 {name}：{error}</translation>
    </message>
    <message>
        <source>{document} kept encrypted; every case&apos;s package uses it.</source>
        <translation>{document}已加密保存，所有案件的申诉材料都会使用它。</translation>
    </message>
    <message>
        <source>Standing documents</source>
        <translation>常备材料</translation>
    </message>
    <message>
        <source>Kept once, encrypted, and reused by every case&apos;s appeal package. Enter the date printed on each (ID card expiry, licence term): the app warns 30 days before, and when the profile changes after a document was added.</source>
        <translation>只需保存一次，加密存放，所有案件的申诉材料都会复用。请填写证件上印的有效期（身份证有效期、营业执照营业期限）：到期前 30 天，以及添加材料后企业资料发生变更时，本应用都会提醒。</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>LineChart</name>
    <message>
        <source>Chart: {series}</source>
        <translation>图表：{series}</translation>
    </message>
    <message>
        <source>{name}: {count} points from {first} to {last}, highest {high:g} on {high_day}, latest {latest:g}; last values {values}</source>
        <translation>{name}：{first} 至 {last} 共 {count} 个数据点，最高 {high:g}（{high_day}），最新 {latest:g}；最近的值 {values}</translation>
    </message>
</context>
<context>
    <name>LockedBanner</name>
    <message>
        <source>The workspace has no encrypted vault yet: set it up to keep {what}.</source>
        <translation>工作区还没有加密保险库：请先设置，才能保存{what}。</translation>
    </message>
    <message>
        <source>&amp;Set up…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>The workspace is locked: {what} are kept encrypted. Unlock it to see and use them; nothing is missing.</source>
        <translation>工作区已锁定：{what}已加密保存。解锁后即可查看和使用，并没有缺失。</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>解锁(&amp;U)…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Workspace &amp;security…</source>
        <translation>工作区安全(&amp;S)…</translation>
    </message>
    <message>
        <source>{title} (Ctrl+{number})</source>
        <translation>{title}（Ctrl+{number}）</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation>欢迎页(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
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
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>This installation carries no user guide ({detail}); reinstall the application.</source>
        <translation>此安装缺少使用指南（{detail}），请重新安装本应用。</translation>
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
    <name>MaskedIdField</name>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show or hide the whole number</source>
        <translation>显示或隐藏完整号码</translation>
    </message>
</context>
<context>
    <name>MemberChart</name>
    <message>
        <source>Select a member to see the daily figures.</source>
        <translation>选择一位成员即可查看每日数据。</translation>
    </message>
    <message>
        <source>applications sent</source>
        <translation>发起申请</translation>
    </message>
    <message>
        <source>new customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>deleted or blocked</source>
        <translation>删除或拉黑</translation>
    </message>
</context>
<context>
    <name>MemberDetail</name>
    <message>
        <source>{member} · risk score {score:g}</source>
        <translation>{member} · 风险分 {score:g}</translation>
    </message>
    <message>
        <source>Earlier restrictions in the ledger:</source>
        <translation>违规记录中的既往限制：</translation>
    </message>
    <message>
        <source>No earlier restrictions in the ledger.</source>
        <translation>违规记录中没有既往限制。</translation>
    </message>
    <message>
        <source>rule 1, section {section}</source>
        <translation>规则一，第 {section} 节</translation>
    </message>
    <message>
        <source>No flags: no pattern of rule 1 (2.1) reaches its threshold.</source>
        <translation>无标记：没有任何行为达到规则一（2.1）的阈值。</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>Optional. Name the member to take their earlier restrictions from the ledger and to record the result as their case.</source>
        <translation>可选。填写成员后，会从违规记录中读取其此前的处罚次数，并可将结果记录为该成员的案件。</translation>
    </message>
    <message>
        <source>A userid is 1 to 64 printable characters, with no blank at either end.</source>
        <translation>成员账号（userid）为 1 到 64 个可打印字符（可含中文），首尾不能是空白。</translation>
    </message>
    <message>
        <source>The ledger has no earlier rule-1 restriction of {userid}: a new member, or one never restricted.</source>
        <translation>违规记录中没有 {userid} 此前的规则一处罚：新成员，或从未受限。</translation>
    </message>
    <message>
        <source>From the ledger: {userid} was restricted under rule 1 {count} time(s) before (section 2.2).</source>
        <translation>来自违规记录：{userid} 此前因规则一受限 {count} 次（第 2.2 节）。</translation>
    </message>
    <message>
        <source>{entered} of them entered by hand (before this app).</source>
        <translation>其中 {entered} 次为手动录入（使用本应用之前）。</translation>
    </message>
    <message>
        <source>You changed the number to {value}: recording the case adds the other {more} to the ledger as entered by hand.</source>
        <translation>你已将次数改为 {value}：记录案件时，会把多出的 {more} 次作为手动录入补入违规记录。</translation>
    </message>
    <message>
        <source>You changed the number to {value}; the ledger&apos;s count is used, as the ladder counts every recorded violation.</source>
        <translation>你已将次数改为 {value}；将以违规记录中的次数为准，因为处罚阶梯按每一次已记录的违规计算。</translation>
    </message>
    <message>
        <source>Which member?</source>
        <translation>哪位成员？</translation>
    </message>
    <message>
        <source>Member (&amp;userid):</source>
        <translation>成员账号(&amp;U)：</translation>
    </message>
    <message>
        <source>Choose or type a userid</source>
        <translation>选择或输入成员账号（userid）</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>New &amp;passphrase:</source>
        <translation>新口令(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再输入一次(&amp;R)：</translation>
    </message>
    <message>
        <source>Too short: at least {count} characters. A few unrelated words make a good passphrase.</source>
        <translation>太短：至少需要 {count} 个字符。几个互不相关的词就能组成好口令。</translation>
    </message>
    <message>
        <source>Strength: weak. Make it longer: several words are easy to remember and hard to guess.</source>
        <translation>强度：弱。请加长：几个词组成的口令好记又难猜。</translation>
    </message>
    <message>
        <source>Strength: fair. A few more characters make it strong.</source>
        <translation>强度：中。再多几个字符就很强了。</translation>
    </message>
    <message>
        <source>Strength: strong.</source>
        <translation>强度：强。</translation>
    </message>
    <message>
        <source>At least {count} characters.</source>
        <translation>至少 {count} 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>NextStepPanel</name>
    <message>
        <source>Wait until {date}: WeCom should unblock the member account within {hours} hours after the WeChat account was unblocked (3.2). If it has not, record it on the Cases page.</source>
        <translation>请等待至 {date}：微信账号解封后 {hours} 小时内，企业微信应自动解封该成员账号（3.2）。如未解封，请在“案件”页记录。</translation>
    </message>
    <message>
        <source>Wait for the linked WeChat account to be unblocked; the member account follows within {hours} hours (3.2).</source>
        <translation>请等待所绑定的微信账号解封；成员账号会在其后 {hours} 小时内解封（3.2）。</translation>
    </message>
    <message>
        <source>Wait until {date}, the end of the block; then check that the interoperability functions work again.</source>
        <translation>请等待至 {date} 限制期满；届时确认互通功能已恢复。</translation>
    </message>
    <message>
        <source>The rules say “a short time” without a length (2.2): enter the end date the notice or the admin console shows.</source>
        <translation>规则只说“短期”，没有给出具体时长（2.2）：请填写通知或管理后台显示的结束日期。</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步做什么</translation>
    </message>
    <message>
        <source>&amp;Prepare the appeal package</source>
        <translation>准备申诉材料(&amp;P)</translation>
    </message>
    <message>
        <source>Record this restriction as a case (if not yet) and open its appeal package</source>
        <translation>将此限制记录为案件（如尚未记录），并打开其申诉材料</translation>
    </message>
    <message>
        <source>When was the linked WeChat account unblocked?</source>
        <translation>所绑定的微信账号何时解封？</translation>
    </message>
    <message>
        <source>&amp;Unblocked on</source>
        <translation>解封日期(&amp;U)</translation>
    </message>
    <message>
        <source>When does the block end (see the notice or the admin console)?</source>
        <translation>限制何时结束（见通知或管理后台）？</translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation>结束日期(&amp;E)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Meanwhile</source>
        <translation>在此期间</translation>
    </message>
    <message>
        <source>This is the app&apos;s advice, not WeCom&apos;s rules; where it restates a rule, it names the section in brackets.</source>
        <translation>以上是本应用的建议，并非企业微信的规则；凡转述规则之处，均在括号中注明条款。</translation>
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
    <name>PackageSettings</name>
    <message>
        <source>“{text}”{date} · opacity {opacity} % · {angle}° · density {density}</source>
        <translation>“{text}”{date} · 不透明度 {opacity}% · 角度 {angle}° · 密度 {density}</translation>
    </message>
    <message>
        <source> + date</source>
        <translation> + 日期</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Diagnose</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
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
        <source>Pre-send check</source>
        <translation>发送前检查</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业信息</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Preview: {name}</source>
        <translation>预览：{name}</translation>
    </message>
    <message>
        <source>&amp;Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开(&amp;O)</translation>
    </message>
    <message>
        <source>Every page, in the PDF viewer of your system</source>
        <translation>在系统的 PDF 阅读器中查看全部页面</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>The page cannot be shown here; your PDF viewer may still open it.</source>
        <translation>无法在此显示该页面；PDF 阅读器或许仍能打开它。</translation>
    </message>
    <message>
        <source>The PDF has no pages.</source>
        <translation>该 PDF 没有页面。</translation>
    </message>
    <message>
        <source>Page 1 of {name}</source>
        <translation>{name} 的第 1 页</translation>
    </message>
    <message>
        <source>Page 1 of {count}. Open the PDF in your viewer to see every page; Print… prints them all.</source>
        <translation>第 1 页，共 {count} 页。在 PDF 阅读器中打开可查看全部页面；“打印…”会打印全部页面。</translation>
    </message>
</context>
<context>
    <name>PdfPrinter</name>
    <message>
        <source>Preparing {name}…</source>
        <translation>正在准备 {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <source>Preparing page {page} of {total}…</source>
        <translation>正在准备第 {page} 页，共 {total} 页…</translation>
    </message>
    <message>
        <source>A page could not be prepared for the printer.</source>
        <translation>有一页无法为打印做好准备。</translation>
    </message>
    <message>
        <source>Printing cancelled; nothing was sent to the printer.</source>
        <translation>已取消打印；没有任何内容发送到打印机。</translation>
    </message>
    <message>
        <source>The PDF has no pages to print.</source>
        <translation>该 PDF 没有可打印的页面。</translation>
    </message>
    <message>
        <source>The printer could not be started. Check it in the print dialog, or open the PDF in your viewer and print from there.</source>
        <translation>无法启动打印机。请在打印对话框中检查打印机，或在 PDF 阅读器中打开该文件后从那里打印。</translation>
    </message>
    <message>
        <source>Sending page {page} of {total} to the printer…</source>
        <translation>正在将第 {page} 页（共 {total} 页）发送到打印机…</translation>
    </message>
    <message>
        <source>The printer refused a new page.</source>
        <translation>打印机拒绝了新的一页。</translation>
    </message>
    <message>
        <source>Pages sent to the printer: {count}.</source>
        <translation>已发送到打印机的页数：{count}。</translation>
    </message>
</context>
<context>
    <name>PlaceholderList</name>
    <message>
        <source>Still to fill in ({count}): {items}</source>
        <translation>尚待填写（{count} 处）：{items}</translation>
    </message>
    <message>
        <source>Nothing left to fill in.</source>
        <translation>已无待填写内容。</translation>
    </message>
</context>
<context>
    <name>PlanTable</name>
    <message>
        <source>Open</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>未设日期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Editing…</source>
        <translation>正在编辑…</translation>
    </message>
    <message>
        <source>The workspace cannot be opened: {error}</source>
        <translation>无法打开工作区：{error}</translation>
    </message>
    <message>
        <source>The workspace vault is locked: unlock it to see and edit the profile. Identity data is shown masked.</source>
        <translation>工作区保险库已锁定：解锁后才能查看和编辑企业信息。身份信息以脱敏形式显示。</translation>
    </message>
    <message>
        <source>Set up the workspace vault first: the profile&apos;s identity numbers are kept only encrypted.</source>
        <translation>请先设置工作区保险库：企业信息中的身份证号码只以加密形式保存。</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>解锁(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Set up…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Saved automatically. Last saved {time}.</source>
        <translation>已自动保存。上次保存于 {time}。</translation>
    </message>
    <message>
        <source>Fill in every field: the profile is saved automatically once it is complete and correct.</source>
        <translation>请填写所有字段：信息完整且正确后会自动保存。</translation>
    </message>
    <message>
        <source>{group}: {field}</source>
        <translation>{group}{field}</translation>
    </message>
    <message>
        <source>Kept as an encrypted draft, not yet used in letters. Still empty: {fields}.</source>
        <translation>已加密保存为草稿，暂不用于函件。尚未填写：{fields}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Kept as an encrypted draft, not yet used in letters: correct the fields marked in red.</source>
        <translation>已加密保存为草稿，暂不用于函件：请更正标红的字段。</translation>
    </message>
    <message>
        <source>Kept as an encrypted draft, not yet used in letters.</source>
        <translation>已加密保存为草稿，暂不用于函件。</translation>
    </message>
    <message>
        <source>Not saved: the workspace vault is locked.</source>
        <translation>未保存：工作区保险库已锁定。</translation>
    </message>
    <message>
        <source>Still to correct: {error}</source>
        <translation>仍需更正：{error}</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <source>Saved {time}. Identity numbers are kept encrypted.</source>
        <translation>已于 {time} 保存。身份证号码已加密保存。</translation>
    </message>
    <message>
        <source>Enterprise profile</source>
        <translation>企业信息</translation>
    </message>
    <message>
        <source>What the appeal letters and the appeal package say about the enterprise. Checked as you type and saved automatically; names, identity numbers and the phone number are kept only encrypted in the workspace vault.</source>
        <translation>申诉函和申诉材料包中使用的企业信息。输入时即时校验并自动保存；姓名、身份证号码和手机号码只以加密形式保存在工作区保险库中。</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Company &amp;name:</source>
        <translation>企业名称(&amp;N)：</translation>
    </message>
    <message>
        <source>As on the business licence</source>
        <translation>与营业执照一致</translation>
    </message>
    <message>
        <source>Unified Social &amp;Credit Code:</source>
        <translation>统一社会信用代码(&amp;C)：</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91110000600037341L</source>
        <translation>18 位，例如 91110000600037341L</translation>
    </message>
    <message>
        <source>Corp&amp;ID:</source>
        <translation>企业ID(&amp;I)：</translation>
    </message>
    <message>
        <source>Admin console → My Enterprise, e.g. ww0123456789abcdef</source>
        <translation>管理后台 → 我的企业，例如 ww0123456789abcdef</translation>
    </message>
    <message>
        <source>Where to find the CorpID: sign in to the WeCom admin console (work.weixin.qq.com) as an administrator, open My Enterprise → Enterprise information; the CorpID is at the bottom of that page.</source>
        <translation>企业ID 在哪里找：以管理员身份登录企业微信管理后台（work.weixin.qq.com），打开“我的企业”→“企业信息”，企业ID 位于该页面底部。</translation>
    </message>
    <message>
        <source>Legal person</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>姓名(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Resident ID number:</source>
        <translation>身份证号码(&amp;R)：</translation>
    </message>
    <message>
        <source>Show or hide the whole number</source>
        <translation>显示或隐藏完整号码</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>ID card va&amp;lid until:</source>
        <translation>身份证有效期至(&amp;L)：</translation>
    </message>
    <message>
        <source>The expiry date printed on the back of the ID card</source>
        <translation>身份证背面印制的有效期截止日期</translation>
    </message>
    <message>
        <source>Check when the ID card says 长期 (long term), or to leave the date empty</source>
        <translation>身份证有效期为“长期”时勾选，或暂不填写日期</translation>
    </message>
    <message>
        <source>Long term / not entered</source>
        <translation>长期 / 未填写</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>Resident &amp;ID number:</source>
        <translation>身份证号码(&amp;I)：</translation>
    </message>
    <message>
        <source>ID card valid un&amp;til:</source>
        <translation>身份证有效期至(&amp;T)：</translation>
    </message>
    <message>
        <source>Mobile &amp;phone:</source>
        <translation>手机号码(&amp;P)：</translation>
    </message>
    <message>
        <source>e.g. 13800138000</source>
        <translation>例如 13800138000</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <source>Add evidence files to the vault</source>
        <translation>将证据文件添加到保险库</translation>
    </message>
    <message>
        <source>What the rules say: {basis}</source>
        <translation>规则要点（转述）：{basis}</translation>
    </message>
    <message>
        <source>Advice (this app&apos;s suggestion): {advice}</source>
        <translation>建议（本应用的建议，非企业微信规定）：{advice}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Notes: what you checked and what you saw</source>
        <translation>备注：检查了什么、看到了什么</translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation>添加证据…</translation>
    </message>
    <message>
        <source>Evidence files are copied into the encrypted vault; you can also drop files on the question.</source>
        <translation>证据文件会复制到加密保险库中；也可以将文件拖放到该问题上。</translation>
    </message>
    <message>
        <source>Kept encrypted in the vault. Enter or a double-click opens the selected file; Delete removes it (Ctrl+Z undoes).</source>
        <translation>加密保存在保险库中。按 Enter 或双击打开所选文件；按 Delete 删除（Ctrl+Z 撤销）。</translation>
    </message>
    <message>
        <source>weight {weight:g}</source>
        <translation>权重 {weight:g}</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>关键</translation>
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
        <source>Sections, rules and violations</source>
        <translation>章节、规则与违规行为</translation>
    </message>
    <message>
        <source>Rule text</source>
        <translation>规则内容</translation>
    </message>
    <message>
        <source>Source text section {section}</source>
        <translation>原文第 {section} 节</translation>
    </message>
    <message>
        <source>The app&apos;s advice, not a WeCom rule:</source>
        <translation>本应用的建议（并非企业微信规则）：</translation>
    </message>
    <message>
        <source>What the source text says (English original, word for word):</source>
        <translation>原文的表述（英文原文，逐字引用）：</translation>
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
        <source>Documents: {documents}, among others (the source ends the list with “etc.”)</source>
        <translation>材料：{documents}等（原文以“等”字结束该清单）</translation>
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
    <message>
        <source>What the diagnosis may say</source>
        <translation>诊断可能给出的表述</translation>
    </message>
    <message>
        <source>Restates the rules</source>
        <translation>转述规则原文</translation>
    </message>
    <message>
        <source>The app&apos;s reading or advice</source>
        <translation>本应用的判断或建议</translation>
    </message>
    <message>
        <source>Compare it with the source sentence below.</source>
        <translation>可与下方的原文句子对照。</translation>
    </message>
    <message>
        <source>This is the app&apos;s reading, inference or advice, not the rules&apos; words.</source>
        <translation>这是本应用的判断、推断或建议，并非规则原文。</translation>
    </message>
    <message>
        <source>{kind}: {text}</source>
        <translation>{kind}：{text}</translation>
    </message>
</context>
<context>
    <name>ScanModel</name>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Risk score</source>
        <translation>风险分</translation>
    </message>
    <message>
        <source>0-100: 20 points per unit of severity for flagged members; below 15 for members without flags</source>
        <translation>0–100：被标记的成员每单位严重程度计 20 分；未被标记的成员低于 15 分</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Applications/day</source>
        <translation>日均申请</translation>
    </message>
    <message>
        <source>Friend applications sent per day with data</source>
        <translation>有数据的每一天平均发起的好友申请数</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>Most applications on a single day</source>
        <translation>单日最多申请数</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>通过率</translation>
    </message>
    <message>
        <source>New customers per application</source>
        <translation>每次申请带来的新增客户数</translation>
    </message>
    <message>
        <source>Deleted/blocked</source>
        <translation>删除/拉黑率</translation>
    </message>
    <message>
        <source>Customers who deleted or blocked the member, per new customer</source>
        <translation>删除或拉黑该成员的客户数与新增客户数之比</translation>
    </message>
    <message>
        <source>Messages/chat</source>
        <translation>每聊天消息数</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Change of daily applications per week, recent weeks weighted most</source>
        <translation>每日申请数每周的变化，近几周权重最高</translation>
    </message>
    <message>
        <source>Earlier restrictions</source>
        <translation>既往限制</translation>
    </message>
    <message>
        <source>Restrictions of this member in the workspace&apos;s ledger</source>
        <translation>工作区违规记录中该成员的限制</translation>
    </message>
    <message>
        <source>malicious adding</source>
        <translation>恶意添加</translation>
    </message>
    <message>
        <source>harassment</source>
        <translation>骚扰</translation>
    </message>
    <message>
        <source>rule 1</source>
        <translation>规则一</translation>
    </message>
    <message>
        <source>rule 2</source>
        <translation>规则二</translation>
    </message>
    <message>
        <source>rule 3</source>
        <translation>规则三</translation>
    </message>
    <message>
        <source>still restricted</source>
        <translation>仍在限制中</translation>
    </message>
    <message>
        <source>unblocked</source>
        <translation>已解封</translation>
    </message>
    <message>
        <source>upheld</source>
        <translation>维持处罚</translation>
    </message>
    <message>
        <source>rule not determined</source>
        <translation>规则未确定</translation>
    </message>
    <message>
        <source>, step {step}</source>
        <translation>，第 {step} 级</translation>
    </message>
    <message>
        <source>{count} earlier</source>
        <translation>既往 {count} 次</translation>
    </message>
</context>
<context>
    <name>StatementEditor</name>
    <message>
        <source>Regenerate the statement</source>
        <translation>重新生成申诉说明</translation>
    </message>
    <message>
        <source>Replace your edited statement with a new one written from the case and your words?</source>
        <translation>要用根据案件和你的说明重新生成的内容替换你修改过的申诉说明吗？</translation>
    </message>
    <message>
        <source>The statement was not saved: {error}</source>
        <translation>申诉说明未保存：{error}</translation>
    </message>
    <message>
        <source>{count} / {limit} characters: {over} over the upload form&apos;s limit; the kit shortens it at a sentence end.</source>
        <translation>{count} / {limit} 字：超出上传表单限制 {over} 字，上传包会在句末截断。</translation>
    </message>
    <message>
        <source>{count} / {limit} characters</source>
        <translation>{count} / {limit} 字</translation>
    </message>
    <message>
        <source>Save the authorisation letter</source>
        <translation>保存授权委托书</translation>
    </message>
    <message>
        <source>Authorisation letter</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>Letter saved to {path}: print it, sign and seal it, and scan it into its slot.</source>
        <translation>授权委托书已保存到 {path}：请打印、签字盖章后扫描，放入对应材料栏。</translation>
    </message>
    <message>
        <source>Print it, have it signed and sealed, then scan it into the “Authorisation letter (sealed)” slot.</source>
        <translation>请打印后签字盖章，再扫描放入“授权委托书（盖章）”材料栏。</translation>
    </message>
</context>
<context>
    <name>StatementGuide</name>
    <message>
        <source>Your words (the statement is written from them)</source>
        <translation>你的说明（申诉说明据此生成）</translation>
    </message>
    <message>
        <source>Restricted &amp;on:</source>
        <translation>限制日期(&amp;O)：</translation>
    </message>
    <message>
        <source>The restriction &amp;notice:</source>
        <translation>限制通知(&amp;N)：</translation>
    </message>
    <message>
        <source>Paste the notice WeCom showed, word for word; the statement quotes it.</source>
        <translation>逐字粘贴企业微信显示的通知，申诉说明会原文引用。</translation>
    </message>
    <message>
        <source>&amp;Why we believe we complied:</source>
        <translation>认为未违规的理由(&amp;W)：</translation>
    </message>
    <message>
        <source>Answer the questions above in your own words; only what you write is sent.</source>
        <translation>请用自己的话回答上面的问题；只有你写下的内容会被提交。</translation>
    </message>
    <message>
        <source>Restricted a&amp;ccounts:</source>
        <translation>受限账号(&amp;C)：</translation>
    </message>
    <message>
        <source>userids or names, separated by commas</source>
        <translation>账号或姓名，用逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Measures:</source>
        <translation>整改措施(&amp;M)：</translation>
    </message>
    <message>
        <source>A corrective or preventive measure</source>
        <translation>一项整改或预防措施</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>移除(&amp;V)</translation>
    </message>
    <message>
        <source>Tick a measure only when it has been done: the statement states ticked measures as done and asks about the others. Plan items of the latest self-audit are added (done only when marked done there).</source>
        <translation>只有已完成的措施才打勾：申诉说明会把打勾的措施写为已完成，其余的留作待填写。最近一次自查的整改计划项目也会加入（只有在自查中标记为已完成的才写为已完成）。</translation>
    </message>
    <message>
        <source>&amp;Request (optional):</source>
        <translation>申诉请求（可选）(&amp;R)：</translation>
    </message>
    <message>
        <source>Left empty: a plain request for review</source>
        <translation>留空：使用简单的复核请求</translation>
    </message>
</context>
<context>
    <name>Submissions</name>
    <message>
        <source>Unclear images</source>
        <translation>图片不清晰</translation>
    </message>
    <message>
        <source>Information does not match</source>
        <translation>信息不一致</translation>
    </message>
    <message>
        <source>Letter not sealed</source>
        <translation>授权书未盖章</translation>
    </message>
    <message>
        <source>Copies without a purpose note</source>
        <translation>复印件未注明用途</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>the resolution note of each picture</source>
        <translation>每张图片的分辨率提示</translation>
    </message>
    <message>
        <source>the profile&apos;s names</source>
        <translation>企业资料中的名称</translation>
    </message>
    <message>
        <source>the profile&apos;s checks</source>
        <translation>企业资料的校验</translation>
    </message>
    <message>
        <source>the Enterprise page&apos;s document warnings</source>
        <translation>“企业”页的材料提醒</translation>
    </message>
    <message>
        <source>the purpose watermark</source>
        <translation>用途水印</translation>
    </message>
    <message>
        <source>the statement&apos;s completeness check</source>
        <translation>申诉说明的完整性检查</translation>
    </message>
    <message>
        <source>you (the seal on the letter)</source>
        <translation>你本人（授权书上的公章）</translation>
    </message>
    <message>
        <source>you</source>
        <translation>你本人</translation>
    </message>
</context>
<context>
    <name>SubmissionsBox</name>
    <message>
        <source>Nothing sent yet.</source>
        <translation>尚未提交。</translation>
    </message>
    <message>
        <source>Rejected ({reason}): what to fix before sending again</source>
        <translation>已驳回（{reason}）：重新提交前需要修改的内容</translation>
    </message>
    <message>
        <source>Checked by {check}</source>
        <translation>由{check}核对</translation>
    </message>
    <message>
        <source>ref. {ref}</source>
        <translation>编号 {ref}</translation>
    </message>
    <message>
        <source>bundle {sha}</source>
        <translation>材料包 {sha}</translation>
    </message>
    <message>
        <source>follow up on {date}</source>
        <translation>{date} 跟进</translation>
    </message>
    <message>
        <source>The tick was not saved: {error}</source>
        <translation>勾选未保存：{error}</translation>
    </message>
    <message>
        <source>Not recorded: {error}</source>
        <translation>未记录：{error}</translation>
    </message>
    <message>
        <source>Submission recorded; follow up on {date} if WeCom has not answered.</source>
        <translation>已记录提交；如企业微信届时仍未答复，请于 {date} 跟进。</translation>
    </message>
    <message>
        <source>Follow up on {date}.</source>
        <translation>将于 {date} 跟进。</translation>
    </message>
    <message>
        <source>Submissions and outcomes</source>
        <translation>提交与结果</translation>
    </message>
    <message>
        <source>Open the appeal &amp;package</source>
        <translation>打开申诉材料(&amp;P)</translation>
    </message>
    <message>
        <source>Sent &amp;on:</source>
        <translation>提交日期(&amp;O)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>Refere&amp;nce:</source>
        <translation>受理编号(&amp;N)：</translation>
    </message>
    <message>
        <source>Record su&amp;bmission</source>
        <translation>记录提交(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Follow up on:</source>
        <translation>跟进日期(&amp;F)：</translation>
    </message>
    <message>
        <source>Mo&amp;ve follow-up</source>
        <translation>更改跟进日期(&amp;V)</translation>
    </message>
    <message>
        <source>Set when sending: {days} working days later.</source>
        <translation>提交时自动设为 {days} 个工作日后。</translation>
    </message>
    <message>
        <source>Out&amp;come:</source>
        <translation>结果(&amp;C)：</translation>
    </message>
    <message>
        <source>Record &amp;WeCom&apos;s answer</source>
        <translation>记录企业微信的答复(&amp;W)</translation>
    </message>
    <message>
        <source>The number WeCom gave, if any</source>
        <translation>企业微信给出的编号（如有）</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Saved audits appear here as a trend.</source>
        <translation>已保存的自查会在此显示为趋势。</translation>
    </message>
    <message>
        <source>overall score</source>
        <translation>总分</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
</context>
<context>
    <name>VaultSetupDialog</name>
    <message>
        <source>Protect the workspace</source>
        <translation>保护工作区</translation>
    </message>
    <message>
        <source>The workspace keeps identity numbers, ID card photos and licences encrypted on this computer. Choose where the key that opens them is kept.</source>
        <translation>工作区在本机加密保存身份证号码、身份证照片和营业执照。请选择用于解密的密钥保存在哪里。</translation>
    </message>
    <message>
        <source>Keep the key in the system keyring ({place})</source>
        <translation>将密钥保存在系统钥匙串中（{place}）</translation>
    </message>
    <message>
        <source>Recommended: the workspace opens without a passphrase while you are logged in to this computer.</source>
        <translation>推荐：登录本机期间，打开工作区无需输入口令。</translation>
    </message>
    <message>
        <source>Keep the key in the system keyring</source>
        <translation>将密钥保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>The system keyring cannot be used here ({reason}), so the key is protected by a passphrase instead.</source>
        <translation>此处无法使用系统钥匙串（{reason}），因此改用口令保护密钥。</translation>
    </message>
    <message>
        <source>Protect the key with a passphrase</source>
        <translation>用口令保护密钥</translation>
    </message>
    <message>
        <source>Write the passphrase down somewhere safe: without it the encrypted data cannot be recovered, by anyone.</source>
        <translation>请把口令记在安全的地方：忘记口令后，任何人都无法恢复加密的数据。</translation>
    </message>
    <message>
        <source>&amp;Set up</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>The vault could not be set up: {error}</source>
        <translation>无法设置保险库：{error}</translation>
    </message>
</context>
<context>
    <name>VaultUnlockDialog</name>
    <message>
        <source>Unlock the workspace</source>
        <translation>解锁工作区</translation>
    </message>
    <message>
        <source>Identity numbers and documents in this workspace are encrypted under your passphrase. Enter it to open them.</source>
        <translation>此工作区中的身份证号码和材料已用你的口令加密。请输入口令以打开。</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Wrong passphrase. The workspace stays locked; nothing was changed.</source>
        <translation>口令错误。工作区保持锁定，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>WatermarkPreviewDialog</name>
    <message>
        <source>Purpose watermark</source>
        <translation>用途水印</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>文字(&amp;T)：</translation>
    </message>
    <message>
        <source>Add today&apos;s &amp;date</source>
        <translation>加上今天的日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Opacity:</source>
        <translation>不透明度(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Angle:</source>
        <translation>角度(&amp;A)：</translation>
    </message>
    <message>
        <source>D&amp;ensity:</source>
        <translation>密度(&amp;E)：</translation>
    </message>
    <message>
        <source>The watermark is drawn into the pixels of the ID images, so it cannot be lifted off in a PDF editor. The originals stay unmarked in the workspace.</source>
        <translation>水印直接绘制在身份证图片的像素中，无法在 PDF 编辑器里去除。工作区中保存的原件不加水印。</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome to the WeCom Appeal &amp; Compliance Assistant</source>
        <translation>欢迎使用企业微信申诉与合规助手</translation>
    </message>
    <message>
        <source>&lt;p&gt;For the administrator of an enterprise on WeCom whose member account, administrator account or whole enterprise has been restricted — and before it happens. The app explains the restriction with the section of WeCom&apos;s published rules it rests on, prepares the appeal package, and checks the enterprise against the usage rules. It prepares; it does not submit anything for you.&lt;/p&gt;</source>
        <translation>&lt;p&gt;供企业微信企业的管理员使用：成员账号、管理员账号或整个企业被限制时，以及防患于未然。本应用依据企业微信公开规则的相应条款解释限制原因，准备申诉材料包，并对照使用规范自查企业。它只负责准备，不会替您提交任何内容。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Where to start:&lt;/b&gt; &lt;b&gt;Diagnose&lt;/b&gt; asks what is restricted, takes the text of the notice, and tells you which rule applies and the route back. Enter the company once under &lt;b&gt;Enterprise&lt;/b&gt;; the appeal package uses it. &lt;b&gt;Help → User guide&lt;/b&gt; walks through every workspace.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;从哪里开始：&lt;/b&gt;在&lt;b&gt;诊断&lt;/b&gt;中说明受限的是什么、粘贴通知原文，即可看到适用哪条规则以及恢复途径。在&lt;b&gt;企业&lt;/b&gt;中填写一次企业信息，申诉材料包会使用它。&lt;b&gt;帮助 → 使用指南&lt;/b&gt;逐一介绍每个工作区。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Everything stays on this computer.&lt;/b&gt; Cases, documents and identity data are kept in a local workspace, encrypted. The app sends nothing anywhere; the only network use is the optional statistics fetch from WeCom&apos;s API with credentials you enter.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;所有内容都只保存在这台电脑上。&lt;/b&gt;案件、材料和身份信息加密保存在本地工作区。本应用不向任何地方发送数据；唯一的联网操作是可选的、使用您自己填写的凭据通过企业微信 API 获取统计数据。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Start with Diagnose</source>
        <translation>从诊断开始(&amp;S)</translation>
    </message>
    <message>
        <source>Open the &amp;user guide</source>
        <translation>打开使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>WorkspaceSecurityDialog</name>
    <message>
        <source>Workspace security</source>
        <translation>工作区安全</translation>
    </message>
    <message>
        <source>Workspace: {root}
{where}</source>
        <translation>工作区：{root}
{where}</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>更改口令</translation>
    </message>
    <message>
        <source>Protect the key with a passphrase instead</source>
        <translation>改用口令保护密钥</translation>
    </message>
    <message>
        <source>&amp;Change passphrase</source>
        <translation>更改口令(&amp;C)</translation>
    </message>
    <message>
        <source>Use a &amp;passphrase</source>
        <translation>使用口令(&amp;P)</translation>
    </message>
    <message>
        <source>System keyring</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>Keep the key in {place}: the workspace then opens without a passphrase while you are logged in.</source>
        <translation>将密钥保存在 {place} 中：登录期间打开工作区无需输入口令。</translation>
    </message>
    <message>
        <source>The system keyring cannot be used here: {reason}.</source>
        <translation>此处无法使用系统钥匙串：{reason}。</translation>
    </message>
    <message>
        <source>&amp;Move the key to {place}</source>
        <translation>将密钥移至 {place}(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Move the key to the system keyring</source>
        <translation>将密钥移至系统钥匙串(&amp;M)</translation>
    </message>
    <message>
        <source>The passphrase was changed. No document had to be re-encrypted.</source>
        <translation>口令已更改，无需重新加密任何材料。</translation>
    </message>
    <message>
        <source>The key is now protected by your passphrase and was removed from the keyring.</source>
        <translation>密钥现由你的口令保护，并已从钥匙串中删除。</translation>
    </message>
    <message>
        <source>The key is now kept in {place}.</source>
        <translation>密钥现保存在 {place} 中。</translation>
    </message>
</context>
<context>
    <name>WorkspaceService</name>
    <message>
        <source>The vault key is kept in the system keyring ({place}).</source>
        <translation>保险库密钥保存在系统钥匙串（{place}）中。</translation>
    </message>
    <message>
        <source>The vault key is protected by a passphrase that only you know.</source>
        <translation>保险库密钥由只有你知道的口令保护。</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>The encrypted vault cannot be opened:
{error}</source>
        <translation>无法打开加密保险库：
{error}</translation>
    </message>
</context>
</TS>
