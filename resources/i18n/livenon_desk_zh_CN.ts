<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../livenon_desk/views/app.py" line="139"/>
        <source>Demo users (user / password): {logins}</source>
        <translation>演示用户（用户名 / 密码）：{logins}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/app.py" line="208"/>
        <source>Retention rule: personal data of {n} long-closed returns removed.</source>
        <translation>保留期规则：已删除 {n} 个早已关闭的退货中的个人数据。</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="67"/>
        <source>Email application</source>
        <translation>邮件退货申请</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="78"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="78"/>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="79"/>
        <source>Sender</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="79"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="80"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="80"/>
        <source>Product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="81"/>
        <source>Return reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="81"/>
        <source>Contact info</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="82"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="82"/>
        <source>Instructions by (P2)</source>
        <translation>退货说明发出期限（P2）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="86"/>
        <source>Read from the email</source>
        <translation>从邮件中读取</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="96"/>
        <source>Checked against the order</source>
        <translation>与订单核对</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="118"/>
        <source>Photos attached to the email</source>
        <translation>邮件所附照片</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="123"/>
        <source>The email as the customer wrote it</source>
        <translation>客户原始邮件</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="150"/>
        <source>Settle what the check guessed</source>
        <translation>确认核对时推测的内容</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="153"/>
        <source>— not known —</source>
        <translation>— 未知 —</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="156"/>
        <source>{reason} ({category})</source>
        <translation>{reason}（{category}）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="164"/>
        <source>&amp;Save the choice</source>
        <translation>保存选择(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="167"/>
        <source>Save the reason code and the line (Enter, Ctrl+S)</source>
        <translation>保存原因代码和订单行（Enter、Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="169"/>
        <source>&amp;Reason code</source>
        <translation>原因代码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="171"/>
        <source>Order &amp;line</source>
        <translation>订单行(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="184"/>
        <source>Answer the customer (P2)</source>
        <translation>回复客户（P2）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="186"/>
        <source>Create the return and send the instructions (Ctrl+Enter)</source>
        <translation>创建退货并发送退货说明（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="190"/>
        <source>Refuse, citing the rule (Ctrl+Shift+Enter)</source>
        <translation>拒绝并说明规则（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="221"/>
        <source>Answered.</source>
        <translation>已回复。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="223"/>
        <source>A supervisor answers email applications.</source>
        <translation>邮件退货申请由主管回复。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="225"/>
        <source>Settle what the check could not before answering.</source>
        <translation>请先确认核对无法确定的内容，再回复。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="227"/>
        <source>Refused by {rules}: the refusal cites the rule in the policy&apos;s words.</source>
        <translation>被 {rules} 拒绝：拒绝回复会用政策原文说明规则。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="230"/>
        <source>Quality reason (T1): the pre-paid label and the return form go with the instructions.</source>
        <translation>质量原因（T1）：退货说明附带预付运单和退货单。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="233"/>
        <source>Personal reason (T2): the return form goes with the instructions; the customer ships by their own courier.</source>
        <translation>个人原因（T2）：退货说明附带退货单；客户自行选择快递寄回。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="250"/>
        <source>Answering…</source>
        <translation>正在回复…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="256"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="265"/>
        <source>Return {rma} created; the instructions are queued, not sent: {why}</source>
        <translation>退货 {rma} 已创建；退货说明已排队，尚未发送：{why}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="267"/>
        <source>The refusal is queued, not sent: {why}</source>
        <translation>拒绝回复已排队，尚未发送：{why}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="269"/>
        <source>Return {rma} created and the instructions sent.</source>
        <translation>退货 {rma} 已创建，退货说明已发送。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="270"/>
        <source>The refusal is sent.</source>
        <translation>拒绝回复已发送。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="282"/>
        <source>A supervisor settles these.</source>
        <translation>这些内容由主管确认。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="307"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="315"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="318"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="334"/>
        <source>{target} – {deadline}</source>
        <translation>{target} – {deadline}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="338"/>
        <source>{due} (overdue)</source>
        <translation>{due}（已逾期）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="365"/>
        <source>This email names a restricted return: it can be read, not processed (privacy rule).</source>
        <translation>此邮件涉及已限制处理的退货：只能查看，不能处理（隐私规则）。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="375"/>
        <location filename="../../livenon_desk/views/application_dialog.py" line="381"/>
        <source>Needs a person:</source>
        <translation>需人工处理：</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="385"/>
        <source>Order {order}: not found</source>
        <translation>订单 {order}：未找到</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="388"/>
        <source>Order {order}: found</source>
        <translation>订单 {order}：已找到</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="390"/>
        <source>The sender is the order&apos;s customer.</source>
        <translation>发件人是该订单的客户。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="391"/>
        <source>The sender is not the order&apos;s customer: check who wrote.</source>
        <translation>发件人不是该订单的客户：请核实发件人身份。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="392"/>
        <source>The sender could not be compared with the customer.</source>
        <translation>无法将发件人与客户进行比对。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="399"/>
        <source>Reason code: not recognised</source>
        <translation>原因代码：未能识别</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="402"/>
        <source>quality (T1): Livenon pays the return shipping</source>
        <translation>质量问题（T1）：Livenon 承担退货运费</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="404"/>
        <source>personal (T2): the customer pays the return shipping</source>
        <translation>个人原因（T2）：客户承担退货运费</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="406"/>
        <source>Reason code (chosen by a person): {reason}, {category}</source>
        <translation>原因代码（人工选择）：{reason}，{category}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="408"/>
        <source>Reason code (guessed): {reason}, {category}</source>
        <translation>原因代码（推测）：{reason}，{category}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="414"/>
        <source>The line a person picked:</source>
        <translation>人工选择的订单行：</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="415"/>
        <source>The matched line:</source>
        <translation>匹配的订单行：</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="416"/>
        <source>The lines it may be (a person picks):</source>
        <translation>可能的订单行（需人工选择）：</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/application_dialog.py" line="434"/>
        <source>Line {n}: {sku} {name}</source>
        <translation>第 {n} 行：{sku} {name}</translation>
    </message>
</context>
<context>
    <name>ApplicationsTableModel</name>
    <message>
        <location filename="../../livenon_desk/views/applications_table_model.py" line="37"/>
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/applications_table_model.py" line="38"/>
        <source>Sender</source>
        <translation>发件人</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/applications_table_model.py" line="39"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/applications_table_model.py" line="40"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/applications_table_model.py" line="41"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/applications_table_model.py" line="42"/>
        <source>Instructions by (P2)</source>
        <translation>退货说明发出期限（P2）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/applications_table_model.py" line="81"/>
        <source>Overdue: instructions not sent by {date} (P2)</source>
        <translation>已逾期：未在 {date} 前发出退货说明（P2）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/applications_table_model.py" line="103"/>
        <source>{date} (overdue)</source>
        <translation>{date}（已逾期）</translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message>
        <location filename="../../livenon_desk/views/applications_view.py" line="60"/>
        <source>Arrows move, Enter opens an application. The instructions are due by the day shown (P2), counted from the email&apos;s receipt.</source>
        <translation>方向键移动，Enter 打开申请。退货说明须在所示日期前发出（P2），自收到邮件起计算。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/applications_view.py" line="87"/>
        <source>No email applications.</source>
        <translation>没有邮件退货申请。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="53"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="53"/>
        <source>Who</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="54"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="54"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="55"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="101"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="103"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="104"/>
        <source>RMA or record</source>
        <translation>退货单号或记录</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="106"/>
        <source>Any action</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="111"/>
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="111"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="112"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="112"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="114"/>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="115"/>
        <source>Load &amp;more</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="116"/>
        <source>&amp;Verify the chain</source>
        <translation>校验哈希链(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="167"/>
        <source>{n} events shown, newest first.</source>
        <translation>已显示 {n} 条事件，最新的在前。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="171"/>
        <source>Checking the chain…</source>
        <translation>正在校验哈希链…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="180"/>
        <source>The audit trail is intact: {n} events checked.</source>
        <translation>审计记录完整：已校验 {n} 条事件。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/audit_view.py" line="185"/>
        <source>The audit trail was tampered with: {problem}</source>
        <translation>审计记录已被篡改：{problem}</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../livenon_desk/views/station_camera.py" line="66"/>
        <source>Take photo (F7)</source>
        <translation>拍照 (F7)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/station_camera.py" line="85"/>
        <source>No camera: this computer lacks the camera support ({reason}). Add photos from files.</source>
        <translation>无摄像头：本电脑缺少摄像头支持（{reason}）。请从文件添加照片。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/station_camera.py" line="92"/>
        <source>The camera is turned off for this station. Add photos from files.</source>
        <translation>本工位已关闭摄像头。请从文件添加照片。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/station_camera.py" line="100"/>
        <source>No camera found on this station. Add photos from files.</source>
        <translation>本工位未找到摄像头。请从文件添加照片。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/station_camera.py" line="110"/>
        <source>Camera: {name}</source>
        <translation>摄像头：{name}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/station_camera.py" line="135"/>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/station_camera.py" line="141"/>
        <source>The camera could not be used ({reason}): another program may hold it, or this user may not open it. Add photos from files.</source>
        <translation>无法使用摄像头（{reason}）：可能被其他程序占用，或当前用户无权打开。请从文件添加照片。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/station_camera.py" line="164"/>
        <source>No picture from the camera yet.</source>
        <translation>摄像头尚无画面。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/station_camera.py" line="166"/>
        <source>Photo taken.</source>
        <translation>已拍照。</translation>
    </message>
</context>
<context>
    <name>CartonDialog</name>
    <message>
        <location filename="../../livenon_desk/views/carton_dialog.py" line="24"/>
        <source>Count cartons of {rma}</source>
        <translation>清点 {rma} 的纸箱</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/carton_dialog.py" line="32"/>
        <source>Scan the tag on each carton</source>
        <translation>扫描每个纸箱上的标签</translation>
    </message>
</context>
<context>
    <name>ChecklistRow</name>
    <message>
        <location filename="../../livenon_desk/views/checklist_row.py" line="48"/>
        <source>A “no” needs a photo as evidence.</source>
        <translation>选择“否”时需附照片作为证据。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/checklist_row.py" line="50"/>
        <source>A “yes” needs a photo as evidence.</source>
        <translation>回答“是”需附照片作为证据。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/checklist_row.py" line="75"/>
        <source>Key {key}</source>
        <translation>按键 {key}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/checklist_row.py" line="109"/>
        <source>N/A is not an answer here: the return policy asks yes or no for this item.</source>
        <translation>此项不能回答“不适用”：退货政策要求回答是或否。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../livenon_desk/views/detail_pane.py" line="21"/>
        <source>Scan a parcel or type an RMA, order, tracking number or name.</source>
        <translation>扫描包裹，或输入退货单号、订单号、运单号或姓名。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="62"/>
        <source>Restricted: read-only.</source>
        <translation>已限制处理：只读。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="63"/>
        <source>deadline</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="64"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="65"/>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="66"/>
        <source>cartons</source>
        <translation>箱数</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="67"/>
        <source>policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="68"/>
        <source>paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="69"/>
        <source>Tell the customer of the deduction (P7).</source>
        <translation>须告知客户扣款（P7）。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="72"/>
        <source>Refund recommendation (P6)</source>
        <translation>建议退款（P6）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="94"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="97"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="98"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="99"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="100"/>
        <source>Payment</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="102"/>
        <source>Delivered (sign-off)</source>
        <translation>签收日期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="105"/>
        <source>Applied</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="107"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="110"/>
        <source>Received</source>
        <translation>收货日期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="113"/>
        <source>Parcel (P3)</source>
        <translation>包裹（P3）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="116"/>
        <source>Closed short</source>
        <translation>缺件结单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="122"/>
        <source>Ship to</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="128"/>
        <source>marked “Returned Goods”</source>
        <translation>已标注“退运货物”</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="129"/>
        <source>NOT marked “Returned Goods”</source>
        <translation>未标注“退运货物”</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="130"/>
        <source>“Returned Goods” marking not checked yet</source>
        <translation>尚未检查“退运货物”标注</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="134"/>
        <source>Cross-border (T3)</source>
        <translation>跨境（T3）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="145"/>
        <source>Inspect by (P5)</source>
        <translation>检验期限（P5）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="159"/>
        <source>Refund of the return (P6)</source>
        <translation>整单退款（P6）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="193"/>
        <source>Exception approved by {who}: {reason} (the rules decided: {rules})</source>
        <translation>{who} 已作为例外批准：{reason}（规则判定：{rules}）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="198"/>
        <source>Inspected by {who} on {when}</source>
        <translation>{who} 于 {when} 检验</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="254"/>
        <source>(this line&apos;s share by price of {amount} for the return)</source>
        <translation>（整单 {amount} 按价格分摊到本行的部分）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="267"/>
        <source>{when} by {who}</source>
        <translation>{when}，{who}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="276"/>
        <source>enclosed</source>
        <translation>已附</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="277"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="278"/>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="280"/>
        <source>invoice {state}</source>
        <translation>发票{state}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="282"/>
        <source>return form {state}</source>
        <translation>退货单{state}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="285"/>
        <source>weighed {kg} kg</source>
        <translation>称重 {kg} 公斤</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="291"/>
        <source>{n} cartons together: not checked against the catalogue; weigh each at put-away</source>
        <translation>{n} 箱合称：未与目录重量核对；请在上架时逐箱称重</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="304"/>
        <source>Cartons missing: {what}. Scan each carton as it arrives.</source>
        <translation>缺少纸箱：{what}。请在每箱到货时扫描。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="136"/>
        <source>Instructions by (P2)</source>
        <translation>退货说明发出期限（P2）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="207"/>
        <source>Refund due (P6): {start} to {end}</source>
        <translation>退款期限（P6）：{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="170"/>
        <source>sent {when}</source>
        <translation>已于 {when} 发出</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../livenon_desk/views/app.py" line="74"/>
        <location filename="../../livenon_desk/views/app.py" line="113"/>
        <source>Livenon Desk</source>
        <translation>Livenon 退货工作台</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/app.py" line="75"/>
        <location filename="../../livenon_desk/views/error_reporting.py" line="21"/>
        <source>Something went wrong; details are in the log: {path}</source>
        <translation>出现问题；详情见日志：{path}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../livenon_desk/views/filter_bar.py" line="27"/>
        <source>Any status</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/filter_bar.py" line="32"/>
        <source>Any reason</source>
        <translation>所有原因</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/filter_bar.py" line="37"/>
        <source>Any carrier</source>
        <translation>所有承运商</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/filter_bar.py" line="41"/>
        <source>Applied: any time</source>
        <translation>申请时间：不限</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/filter_bar.py" line="41"/>
        <source>Applied today</source>
        <translation>今天申请</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/filter_bar.py" line="42"/>
        <source>Applied in the last 7 days</source>
        <translation>最近 7 天申请</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/filter_bar.py" line="42"/>
        <source>Applied in the last 30 days</source>
        <translation>最近 30 天申请</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/filter_bar.py" line="43"/>
        <source>Applied in the last 90 days</source>
        <translation>最近 90 天申请</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/filter_bar.py" line="47"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/filter_bar.py" line="50"/>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="83"/>
        <source>Inspect {rma} · {tag}</source>
        <translation>检验 {rma} · {tag}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="92"/>
        <source>policy {version}</source>
        <translation>政策 {version}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="100"/>
        <source>Answer each item with one key: Y yes, N no, A not applicable (where the policy allows it). Tab moves on.</source>
        <translation>每项按一个键作答：Y 是，N 否，A 不适用（仅限政策允许的项）。Tab 键移到下一项。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="120"/>
        <source>What you saw, in a few words</source>
        <translation>简要记录所见情况</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="126"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="135"/>
        <source>Why another grade than the proposed one</source>
        <translation>为何选择与建议不同的等级</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="137"/>
        <source>&amp;Why this grade</source>
        <translation>选择此等级的理由(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="144"/>
        <source>Add &amp;photos…</source>
        <translation>添加照片(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="145"/>
        <source>Add photos (Ctrl+P); or drop files here</source>
        <translation>添加照片（Ctrl+P）；也可将文件拖放到此处</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="147"/>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="155"/>
        <source>Photos: drop files here or use Add photos</source>
        <translation>照片：将文件拖放到此处，或使用“添加照片”</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="165"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="166"/>
        <source>&amp;Grade</source>
        <translation>等级(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="198"/>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="199"/>
        <source>Save draft (Ctrl+S); drafts also save by themselves</source>
        <translation>保存草稿（Ctrl+S）；草稿也会自动保存</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="200"/>
        <source>&amp;Finish inspection</source>
        <translation>完成检验(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="201"/>
        <source>Finish inspection (Ctrl+Enter)</source>
        <translation>完成检验（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="204"/>
        <source>Approve as &amp;exception…</source>
        <translation>作为例外批准(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="205"/>
        <source>A supervisor approves this return despite the rules, with a written reason</source>
        <translation>主管可在规则之外批准此退货，需填写书面原因</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="207"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="281"/>
        <source>{grade} (proposed)</source>
        <translation>{grade}（建议）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="300"/>
        <source>Approved as an exception by {who}: {reason}</source>
        <translation>{who} 已作为例外批准：{reason}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="302"/>
        <source>The rules decided: {decision}</source>
        <translation>按规则判定：{decision}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="304"/>
        <source>Rule by rule, policy {version}</source>
        <translation>逐条规则判定，政策 {version}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="312"/>
        <source>Before finishing:</source>
        <translation>完成前还需：</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="324"/>
        <source>no answer lowers it</source>
        <translation>没有回答使等级降低</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="325"/>
        <source>Proposed grade: {grade}</source>
        <translation>建议等级：{grade}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="331"/>
        <source>Held in {zone} until the decision is made (rule {rule})</source>
        <translation>在作出结论前暂存于{zone}（规则 {rule}）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="333"/>
        <source>Goes to {disposition}: {zone} (rule {rule})</source>
        <translation>去向：{disposition}，{zone}（规则 {rule}）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="345"/>
        <source>Unsaved changes…</source>
        <translation>有未保存的更改…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="358"/>
        <source>Draft saved at {time}</source>
        <translation>草稿已于 {time} 保存</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="389"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/inspection_dialog.py" line="390"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="42"/>
        <source>Applied</source>
        <translation>已申请</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="43"/>
        <source>Instructions sent</source>
        <translation>已发退货说明</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="44"/>
        <source>In transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="45"/>
        <source>Partially received</source>
        <translation>部分收货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="46"/>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="47"/>
        <source>Inspecting</source>
        <translation>检验中</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="48"/>
        <source>Inspected</source>
        <translation>已检验</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="49"/>
        <source>Refund approved</source>
        <translation>已批准退款</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="50"/>
        <source>Refund rejected</source>
        <translation>已拒绝退款</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="51"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="58"/>
        <source>New</source>
        <translation>新申请</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="59"/>
        <source>Needs a person</source>
        <translation>需人工处理</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="60"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="98"/>
        <source>Inspector</source>
        <translation>检验员</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="99"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="100"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="106"/>
        <source>viewed</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="107"/>
        <source>received</source>
        <translation>收货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="108"/>
        <source>carton counted</source>
        <translation>清点纸箱</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="111"/>
        <source>closed short</source>
        <translation>缺件结单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="112"/>
        <source>unexpected parcel</source>
        <translation>意外包裹</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="113"/>
        <source>inspection started</source>
        <translation>开始检验</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="114"/>
        <source>inspected</source>
        <translation>完成检验</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="115"/>
        <source>overridden</source>
        <translation>例外批准</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="116"/>
        <source>printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="117"/>
        <source>exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="118"/>
        <source>purged</source>
        <translation>清除个人数据</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="119"/>
        <source>signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="120"/>
        <source>signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="121"/>
        <source>failed sign-in</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="122"/>
        <source>locked out</source>
        <translation>账户锁定</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="123"/>
        <source>user created</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="124"/>
        <source>email received</source>
        <translation>收到邮件</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="125"/>
        <source>email application settled</source>
        <translation>已确认邮件退货申请</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="126"/>
        <source>email application answered</source>
        <translation>已回复邮件退货申请</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="127"/>
        <source>answer email sent</source>
        <translation>回复邮件已发送</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="129"/>
        <source>unit graded</source>
        <translation>货品已定级</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="130"/>
        <source>unit&apos;s disposition chosen</source>
        <translation>已选定货品处置方式</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="131"/>
        <source>unit put away or moved</source>
        <translation>货品已上架或移库</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="132"/>
        <source>unit weighed</source>
        <translation>货品已称重</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="133"/>
        <source>weight flag cleared</source>
        <translation>重量异常已解除</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="134"/>
        <source>work order opened</source>
        <translation>维修工单已开</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="135"/>
        <source>work logged on a work order</source>
        <translation>维修工单已登记工作</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="136"/>
        <source>work order done</source>
        <translation>维修工单已完成</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="137"/>
        <source>unit put on an RTV shipment</source>
        <translation>货品已加入退供应商发运单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="138"/>
        <source>RTV shipment shipped</source>
        <translation>退供应商发运单已发运</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="139"/>
        <source>unit put on a lot</source>
        <translation>货品已加入批次</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="140"/>
        <source>lot closed and weighed</source>
        <translation>批次已称重封托</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="147"/>
        <source>Return form</source>
        <translation>退货单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="148"/>
        <source>Invoice copy</source>
        <translation>发票副本</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="149"/>
        <source>Return label</source>
        <translation>退货标签</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="150"/>
        <source>Item tags</source>
        <translation>商品标签</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="151"/>
        <source>Inspection report</source>
        <translation>检验报告</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="152"/>
        <source>Credit note</source>
        <translation>贷项通知单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="153"/>
        <source>Evidence package</source>
        <translation>证据包</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="160"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="161"/>
        <source>Inspection</source>
        <translation>检验</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="162"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="163"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="164"/>
        <source>Unexpected parcel</source>
        <translation>意外包裹</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="165"/>
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="166"/>
        <source>Retention rule</source>
        <translation>保留期规则</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="167"/>
        <source>Receipt</source>
        <translation>收货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="168"/>
        <source>Exception approval</source>
        <translation>例外批准</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="169"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="170"/>
        <source>Audit event</source>
        <translation>审计事件</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="171"/>
        <source>Refund decision</source>
        <translation>退款决定</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="172"/>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="173"/>
        <source>Email answer</source>
        <translation>邮件回复</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="128"/>
        <source>refund recommended</source>
        <translation>退款建议</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="109"/>
        <source>cartons counted by hand</source>
        <translation>手工清点纸箱</translation>
    </message>
</context>
<context>
    <name>LotsDialog</name>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="42"/>
        <source>Liquidation lots</source>
        <translation>清仓批次</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="43"/>
        <source>Scan a unit to put it on the pallet, or a lot&apos;s code</source>
        <translation>扫描货品放上托盘，或扫描批次编号</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="44"/>
        <source>Unit, or a lot&apos;s code</source>
        <translation>货品，或批次编号</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="47"/>
        <source>kg, then Enter: the lot closes</source>
        <translation>公斤，按 Enter：批次封托</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="52"/>
        <source>&amp;Weight</source>
        <translation>重量(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="53"/>
        <source>Open lots (oldest first)</source>
        <translation>未封托批次（最早的在前）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="48"/>
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="48"/>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="49"/>
        <source>Original value</source>
        <translation>原价合计</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="49"/>
        <source>Recovery value</source>
        <translation>回收价值合计</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="80"/>
        <source>{code} is on {lot}: recovery {value}.</source>
        <translation>{code} 已加入 {lot}：回收价值 {value}。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="88"/>
        <source>closed, {kg} kg</source>
        <translation>已封托，{kg} 公斤</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="89"/>
        <source>open</source>
        <translation>未封托</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="92"/>
        <source>{n} units · original {original} · recovery {recovery}</source>
        <translation>{n} 件 · 原价 {original} · 回收 {recovery}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="95"/>
        <source>Alt+W: weigh and close · Ctrl+P: manifest · Ctrl+L: pallet label · Ctrl+N: a new pallet</source>
        <translation>Alt+W：称重封托 · Ctrl+P：清单 · Ctrl+L：托盘标签 · Ctrl+N：新托盘</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="105"/>
        <source>{lot} is a new pallet: scan its units.</source>
        <translation>{lot} 是新托盘：请扫描其货品。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="116"/>
        <source>The weight is a number of kg, such as 42.5.</source>
        <translation>重量须为公斤数，例如 42.5。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/lots_dialog.py" line="124"/>
        <source>{lot} is closed at {kg} kg: print its manifest and pallet label.</source>
        <translation>{lot} 已封托，重 {kg} 公斤：请打印清单和托盘标签。</translation>
    </message>
</context>
<context>
    <name>MailSettingsPage</name>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="72"/>
        <source>The desk&apos;s mail servers, over what IT set in {file}; the passwords are kept in the system keyring. The background mail takes the changes at the desk&apos;s next start.</source>
        <translation>工作台的邮件服务器，覆盖 IT 在 {file} 中的设置；密码保存在系统密钥环中。后台邮件在工作台下次启动时采用这些更改。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="84"/>
        <source>Sending answers (SMTP)</source>
        <translation>发送答复（SMTP）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="85"/>
        <source>Test &amp;sending</source>
        <translation>测试发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="87"/>
        <source>Mailbox of applications (IMAP)</source>
        <translation>退货申请邮箱（IMAP）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="88"/>
        <source>Test the &amp;mailbox</source>
        <translation>测试邮箱(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="107"/>
        <source>asking the keyring…</source>
        <translation>正在查询系统密钥环…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="130"/>
        <source>kept: type a new one to change it</source>
        <translation>已保存：输入新密码即可更改</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="131"/>
        <source>none kept</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="112"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="135"/>
        <source>the keyring did not answer</source>
        <translation>系统密钥环没有响应</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="142"/>
        <source>TLS from the first byte</source>
        <translation>TLS（全程加密）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="143"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="184"/>
        <source>The servers are saved, but the system keyring did not keep the password ({reason}). Type it again and save, or set it with livenon-desk mail password.</source>
        <translation>服务器设置已保存，但系统密钥环未能保存密码（{reason}）。请重新输入并保存，或用 livenon-desk mail password 设置。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="189"/>
        <source>{problem} Nothing was saved.</source>
        <translation>{problem}未保存任何设置。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="206"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_settings_page.py" line="214"/>
        <source>Signed in to {server}: it works.</source>
        <translation>已登录 {server}：连接正常。</translation>
    </message>
</context>
<context>
    <name>MailWorker</name>
    <message>
        <location filename="../../livenon_desk/views/mail_worker.py" line="102"/>
        <source>{n} new email applications taken from the mailbox.</source>
        <translation>已从邮箱取得 {n} 封新的邮件退货申请。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/mail_worker.py" line="123"/>
        <source>{n} queued answers sent.</source>
        <translation>已发送 {n} 封排队的回复。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="93"/>
        <source>Livenon Desk</source>
        <translation>Livenon 退货工作台</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="100"/>
        <source>Scan or type an RMA, order, tracking or tag code, a name, email, phone…</source>
        <translation>扫描或输入退货单号、订单号、运单号、标签码、姓名、邮箱、电话…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="103"/>
        <source>Search (Ctrl+F): a scanner&apos;s code and Enter opens it</source>
        <translation>搜索（Ctrl+F）：扫码枪输入条码并回车即可打开</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="105"/>
        <source>Show all returns</source>
        <translation>显示全部退货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="106"/>
        <source>Clear the search (Esc)</source>
        <translation>清除搜索（Esc）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="118"/>
        <source>Receive as an unexpected parcel…</source>
        <translation>作为意外包裹收货…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="129"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="290"/>
        <location filename="../../livenon_desk/views/main_window.py" line="591"/>
        <source>Signed in: {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="293"/>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="303"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="306"/>
        <source>&amp;Lock the desk</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="307"/>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="309"/>
        <source>&amp;Audit trail…</source>
        <translation>审计记录(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="313"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="315"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="318"/>
        <source>&amp;Return</source>
        <translation>退货(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="321"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="325"/>
        <location filename="../../livenon_desk/views/main_window.py" line="664"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="326"/>
        <source>&amp;Find a return</source>
        <translation>查找退货(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="329"/>
        <source>Show &amp;all returns</source>
        <translation>显示全部退货(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="330"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="407"/>
        <source>No return matches «{code}».</source>
        <translation>没有与“{code}”匹配的退货。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="659"/>
        <source>S&amp;ync…</source>
        <translation>同步(&amp;Y)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="406"/>
        <location filename="../../livenon_desk/views/main_window.py" line="426"/>
        <source>Matches: {n}</source>
        <translation>匹配：{n}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="432"/>
        <source>Choose one of the {n} matches.</source>
        <translation>请从 {n} 条匹配中选择一条。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="626"/>
        <source>Returns: {n}</source>
        <translation>退货：{n}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="338"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="340"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="342"/>
        <source>Actual si&amp;ze</source>
        <translation>实际大小(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="439"/>
        <source>⚠ «{code}» matches no return
Check the code, or receive it as an unexpected parcel ({keys})</source>
        <translation>⚠ «{code}» 没有匹配的退货
请核对条码，或作为意外包裹收货（{keys}）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="413"/>
        <source>Nothing matches «{code}». Check the code, or receive it as an unexpected parcel ({keys}).</source>
        <translation>没有与“{code}”匹配的退货。请检查编码，或作为意外包裹收货（{keys}）。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="425"/>
        <source>Matches: more than {n}</source>
        <translation>匹配：超过 {n} 个</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="646"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../livenon_desk/views/photo_strip.py" line="72"/>
        <source>Drop photos here, or use Add photos (Ctrl+P)</source>
        <translation>将照片拖放到此处，或使用“添加照片”（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/photo_strip.py" line="82"/>
        <source>(unreadable)</source>
        <translation>（无法读取）</translation>
    </message>
</context>
<context>
    <name>PickListDialog</name>
    <message>
        <location filename="../../livenon_desk/views/pick_list_dialog.py" line="20"/>
        <source>Several returns match</source>
        <translation>有多个退货匹配</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/pick_list_dialog.py" line="25"/>
        <source>«{code}» matches {n} returns. Choose one (↑↓ and Enter, or its number).</source>
        <translation>“{code}”匹配 {n} 个退货。请选择一个（↑↓ 和回车，或按其序号）。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/pick_list_dialog.py" line="22"/>
        <source>«{code}» matches more than {n} returns; the first {n} are listed. Choose one (↑↓ and Enter, or its number), or scan a longer code.</source>
        <translation>“{code}”匹配超过 {n} 个退货，这里列出前 {n} 个。请选择一个（↑↓ 和回车，或按其序号），或扫描更完整的编码。</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="54"/>
        <source>Return &amp;label (4x6)</source>
        <translation>退货标签（4x6）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="55"/>
        <source>Item &amp;tags</source>
        <translation>商品标签(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="56"/>
        <source>Inspection &amp;report</source>
        <translation>检验报告(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="57"/>
        <source>Return &amp;form</source>
        <translation>退货单(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="58"/>
        <source>&amp;Invoice copy</source>
        <translation>发票副本(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="59"/>
        <source>&amp;Credit note</source>
        <translation>贷项通知单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="60"/>
        <source>&amp;Evidence package</source>
        <translation>证据包(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="66"/>
        <source>Labels for the selected returns…</source>
        <translation>为所选退货打印标签…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="69"/>
        <source>Tags for the selected returns…</source>
        <translation>为所选退货打印商品标签…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="97"/>
        <source>Making the {name}…</source>
        <translation>正在生成{name}…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="107"/>
        <source>Select the returns in the list first (Shift or Ctrl with the arrow keys or the mouse).</source>
        <translation>请先在列表中选择退货（按住 Shift 或 Ctrl，配合方向键或鼠标）。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="111"/>
        <source>Making {n} documents…</source>
        <translation>正在生成 {n} 份单据…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_actions.py" line="112"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="58"/>
        <source>Preview: {name}</source>
        <translation>预览：{name}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="67"/>
        <source>{n} pages</source>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="70"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="71"/>
        <source>Print to a printer you choose (Ctrl+P)</source>
        <translation>打印到所选打印机（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="72"/>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="73"/>
        <source>Save as PDF (Ctrl+S)</source>
        <translation>另存为 PDF（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="74"/>
        <source>&amp;Label printer</source>
        <translation>标签打印机(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="77"/>
        <source>Print on the station&apos;s label printer, {printer} (Ctrl+Shift+P)</source>
        <translation>在本工位的标签打印机 {printer} 上打印 (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="81"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="119"/>
        <source>Print {name}</source>
        <translation>打印 {name}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="131"/>
        <source>Printing page {page} of {total}…</source>
        <translation>正在打印第 {page} 页，共 {total} 页…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="138"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="139"/>
        <source>Printing did not finish; nothing more was sent.</source>
        <translation>打印未完成；未再发送更多页面。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="150"/>
        <source>Sending to the label printer…</source>
        <translation>正在发送到标签打印机…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="155"/>
        <source>The label printer took the label ({printer}).</source>
        <translation>标签打印机已接收标签（{printer}）。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="156"/>
        <source>The label printer took {n} labels ({printer}).</source>
        <translation>标签打印机已接收 {n} 张标签（{printer}）。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="167"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="189"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/print_preview_dialog.py" line="66"/>
        <source>1 page</source>
        <translation>共 1 页</translation>
    </message>
</context>
<context>
    <name>PutAwayDialog</name>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="62"/>
        <source>Put away or move units</source>
        <translation>上架或移库</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="89"/>
        <source>Scan a unit&apos;s tag (its LPN)</source>
        <translation>请扫描货品标签（LPN）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="91"/>
        <source>Unit</source>
        <translation>货品</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="117"/>
        <source>Scan a unit&apos;s tag first: F6 then weighs that unit.</source>
        <translation>请先扫描货品标签：然后按 F6 称该货品。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="129"/>
        <source>{code} is not graded yet: finish its inspection first.</source>
        <translation>{code} 尚未定级：请先完成检验。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="138"/>
        <source>held until decided</source>
        <translation>待定暂存</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="143"/>
        <source>Grade {grade} · {disposition} · {state}</source>
        <translation>等级 {grade} · {disposition} · {state}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="146"/>
        <source>Now in: {bin}</source>
        <translation>当前库位：{bin}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="147"/>
        <source>not put away yet</source>
        <translation>尚未上架</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="151"/>
        <source>Scan a bin of {zone}: {bin} has room</source>
        <translation>请扫描{zone}的库位：{bin} 有空位</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="154"/>
        <source>Scan a bin of {zone}: every bin there is full</source>
        <translation>请扫描{zone}的库位：该区库位均已满</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="156"/>
        <source>Bin, or the unit&apos;s weight in kg</source>
        <translation>库位，或货品重量（千克）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="161"/>
        <source>{code} is in {bin}.</source>
        <translation>{code} 已放入 {bin}。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="173"/>
        <source>Possible item swap: {code} weighs {weighed} kg, the catalogue says {expected} kg. A supervisor is asked to check it.</source>
        <translation>可能被调包：{code} 重 {weighed} 千克，目录重量为 {expected} 千克。已请主管核对。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/put_away_dialog.py" line="177"/>
        <source>{code} weighs {weighed} kg, as the catalogue says ({expected} kg).</source>
        <translation>{code} 重 {weighed} 千克，与目录一致（{expected} 千克）。</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="37"/>
        <source>Awaiting receipt</source>
        <translation>待收货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="38"/>
        <source>Awaiting inspection</source>
        <translation>待检验</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="39"/>
        <source>Overdue for inspection</source>
        <translation>检验已逾期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="40"/>
        <source>Inspected today</source>
        <translation>今日已检验</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="43"/>
        <source>All returns</source>
        <translation>全部退货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="44"/>
        <source>Email applications</source>
        <translation>邮件退货申请</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="45"/>
        <source>Units to grade</source>
        <translation>待定级货品</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="46"/>
        <source>Units to put away</source>
        <translation>待上架货品</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="47"/>
        <source>Weights to check</source>
        <translation>待核对重量</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="49"/>
        <source>Work queue</source>
        <translation>工作队列</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="57"/>
        <source>Oldest receipt first: the P5 deadline order</source>
        <translation>最早收货的排在前面，即按 P5 期限排序</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="58"/>
        <source>Returns with received cartons not graded yet: inspect them</source>
        <translation>有已收货但尚未定级的箱件的退货：请检验</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="60"/>
        <source>Returns with graded cartons not in a bin of their zone: Ctrl+B, scan the unit, then the bin</source>
        <translation>有已定级但未放入所属区域库位的箱件的退货：按 Ctrl+B，先扫描货品，再扫描库位</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="63"/>
        <source>A unit weighed far from the catalogue&apos;s weight: a possible item swap for a supervisor to check (Ctrl+Shift+W clears it)</source>
        <translation>货品重量与目录相差较大：可能被调包，需主管核对（Ctrl+Shift+W 解除）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="68"/>
        <source>Past the P5 deadline ({days} business days after receipt)</source>
        <translation>已超过 P5 期限（收货后 {days} 个工作日）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="75"/>
        <source>Return applications sent by email (P1): answer within {days} business days of receipt (P2)</source>
        <translation>通过邮件提交的退货申请（P1）：须在收到后 {days} 个工作日内答复（P2）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="125"/>
        <source>{new} new · {person} need a person</source>
        <translation>{new} 个新申请 · {person} 个需人工处理</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="41"/>
        <source>Instructions overdue</source>
        <translation>退货说明逾期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="42"/>
        <source>Refund overdue</source>
        <translation>退款逾期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="70"/>
        <source>Return instructions not sent within {days} business days of the application (P2)</source>
        <translation>申请后 {days} 个工作日内未发出退货说明（P2）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/queue_panel.py" line="73"/>
        <source>Passed more than {days} days ago and the refund not yet approved (P6)</source>
        <translation>检验通过已超过 {days} 天，退款仍未批准（P6）</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../livenon_desk/views/reason_dialog.py" line="58"/>
        <source>At least {n} more characters.</source>
        <translation>至少还需 {n} 个字符。</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="67"/>
        <source>Receive {rma}</source>
        <translation>收货 {rma}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="79"/>
        <source>The order invoice is enclosed (P3)</source>
        <translation>包裹内附有订单发票（P3）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="80"/>
        <source>The return form is enclosed (P3)</source>
        <translation>包裹内附有退货单（P3）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="82"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="83"/>
        <source>Yes, marked “Returned Goods”</source>
        <translation>是，已标注“退运货物”</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="84"/>
        <source>No, not marked</source>
        <translation>否，未标注</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="86"/>
        <source>Anything worth recording about the parcel</source>
        <translation>关于包裹需要记录的情况</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="91"/>
        <source>&amp;Arrived</source>
        <translation>到达时间(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="92"/>
        <source>&amp;Carrier</source>
        <translation>承运商(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="93"/>
        <source>&amp;Tracking number</source>
        <translation>运单号(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="94"/>
        <source>Parcel c&amp;ondition</source>
        <translation>包裹状况(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="102"/>
        <source>&amp;Weight</source>
        <translation>重量(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="105"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="107"/>
        <source>Cartons</source>
        <translation>纸箱</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="115"/>
        <source>Scan a carton&apos;s tag</source>
        <translation>扫描纸箱标签</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="117"/>
        <source>&amp;Scan</source>
        <translation>扫描(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="129"/>
        <source> of {n}</source>
        <translation> / {n}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="157"/>
        <source>Photos of the parcel: drop files here or use Add photos</source>
        <translation>包裹照片：将文件拖放到此处，或使用“添加照片”</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="160"/>
        <source>Add &amp;photos…</source>
        <translation>添加照片(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="169"/>
        <source>&amp;Receive</source>
        <translation>收货(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="190"/>
        <source>kg, e.g. 23.5</source>
        <translation>公斤，例如 23.5</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="201"/>
        <source>kg</source>
        <translation>公斤</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="223"/>
        <source>{code} is counted already.</source>
        <translation>{code} 已计数。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="227"/>
        <source>{code} is not a tag of this return.</source>
        <translation>{code} 不是此退货的标签。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="231"/>
        <source>All cartons of {code} are counted.</source>
        <translation>{code} 的纸箱已全部清点。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="239"/>
        <source>{code}: carton {n} of {total}</source>
        <translation>{code}：第 {n} 箱，共 {total} 箱</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="256"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="257"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="141"/>
        <source>Cartons typed in, not scanned: say why (a torn tag, a label under the strap…)</source>
        <translation>手工输入而未扫描的纸箱：请说明原因（标签撕破、标签压在捆带下…）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="98"/>
        <source>Cross-&amp;border (T3)</source>
        <translation>跨境（T3）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="143"/>
        <source>Why &amp;not scanned</source>
        <translation>未扫描原因(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="311"/>
        <source>{tag}: {n} of {counted}</source>
        <translation>{tag}：{counted} 箱中 {n} 箱</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="317"/>
        <source>Cartons typed in, not scanned ({what}). Say why in «Why not scanned», or scan them.</source>
        <translation>有纸箱是手工输入而未扫描的（{what}）。请在“未扫描原因”中说明，或扫描这些纸箱。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/receive_dialog.py" line="324"/>
        <source>This receipt claims more cartons than were scanned ({what}); they will be recorded as counted by hand, with your reason. Press Ctrl+Enter again to confirm, or scan them.</source>
        <translation>本次收货的纸箱数多于已扫描的数量（{what}）；这些纸箱将连同您的原因记录为手工清点。再按一次 Ctrl+Enter 确认，或扫描这些纸箱。</translation>
    </message>
</context>
<context>
    <name>RecordWords</name>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="46"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="47"/>
        <source>Decision</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="48"/>
        <source>Deciding rules</source>
        <translation>决定性规则</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="49"/>
        <location filename="../../livenon_desk/views/record_words.py" line="50"/>
        <source>Policy</source>
        <translation>政策版本</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="51"/>
        <location filename="../../livenon_desk/views/record_words.py" line="52"/>
        <source>Tag</source>
        <translation>标签码</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="53"/>
        <source>Cartons counted</source>
        <translation>已清点纸箱</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="54"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="55"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="56"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="57"/>
        <source>Returns</source>
        <translation>退货数</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="58"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="59"/>
        <source>Photos</source>
        <translation>照片数</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="60"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="61"/>
        <source>Closed for more than (days)</source>
        <translation>关闭超过（天）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="62"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="63"/>
        <source>Arrived</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="64"/>
        <source>Received by</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="65"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="66"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="67"/>
        <source>Parcel condition</source>
        <translation>包裹状况</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="68"/>
        <source>Marked “Returned Goods”</source>
        <translation>标有“Returned Goods”</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="70"/>
        <source>Cartons received</source>
        <translation>已收纸箱</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="71"/>
        <source>Inspector</source>
        <translation>检验员</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="72"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="73"/>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="74"/>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="75"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="76"/>
        <source>Rule by rule</source>
        <translation>逐条规则</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="77"/>
        <source>Disposition</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="78"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="79"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="80"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="81"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="83"/>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="84"/>
        <source>Answer</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="85"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="86"/>
        <source>Message-ID</source>
        <translation>Message-ID</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="87"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="88"/>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="89"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="90"/>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="91"/>
        <source>Sent again after an unknown outcome</source>
        <translation>结果未知后重新发送</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="92"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="93"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="112"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="113"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="118"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="119"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="182"/>
        <source>return instructions</source>
        <translation>退货说明</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="183"/>
        <source>refusal citing the rule</source>
        <translation>说明规则的拒绝回复</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="221"/>
        <source>password checked by the central server</source>
        <translation>密码由中央服务器验证</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="223"/>
        <source>password checked at this desk (offline)</source>
        <translation>密码在本机验证（离线）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="228"/>
        <source>{n} wrong passwords</source>
        <translation>密码错误 {n} 次</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="231"/>
        <source>Reason: {text}</source>
        <translation>原因：{text}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/record_words.py" line="82"/>
        <source>Refund recommended</source>
        <translation>建议退款</translation>
    </message>
</context>
<context>
    <name>RecoveryChart</name>
    <message>
        <location filename="../../livenon_desk/views/recovery_chart.py" line="30"/>
        <source>Recovery value by disposition</source>
        <translation>按处置方式的回收价值</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/recovery_chart.py" line="51"/>
        <source>No unit routed yet.</source>
        <translation>尚无已分派的货品。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/recovery_chart.py" line="59"/>
        <source>Original value ({currency})</source>
        <translation>原价（{currency}）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/recovery_chart.py" line="61"/>
        <source>Recovery value ({currency})</source>
        <translation>回收价值（{currency}）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/recovery_chart.py" line="81"/>
        <source>{number}. {disposition}: {recovery}, {units} units</source>
        <translation>{number}. {disposition}：{recovery}，{units} 件</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/recovery_chart.py" line="85"/>
        <source>Expected to recover: {total}</source>
        <translation>预计回收：{total}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/recovery_chart.py" line="87"/>
        <source>{disposition}: {units} units, {recovery} ({currency})</source>
        <translation>{disposition}：{units} 件，{recovery}（{currency}）</translation>
    </message>
</context>
<context>
    <name>RefurbishDialog</name>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="59"/>
        <source>Refurbishment</source>
        <translation>翻新</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="69"/>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="105"/>
        <source>Unit</source>
        <translation>货品</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="74"/>
        <source>Parts, a comma between them</source>
        <translation>零件，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="78"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="86"/>
        <source>A, B, C or D</source>
        <translation>A、B、C 或 D</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="89"/>
        <source>What was done; the reason of the new grade</source>
        <translation>所做的维修；即新等级的理由</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="91"/>
        <source>What to &amp;fix</source>
        <translation>待修复内容(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="92"/>
        <source>&amp;Parts used</source>
        <translation>所用零件(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="93"/>
        <source>&amp;Minutes spent</source>
        <translation>所花分钟(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="94"/>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="95"/>
        <source>New &amp;grade</source>
        <translation>新等级(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="96"/>
        <source>What was &amp;done</source>
        <translation>所做维修(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="103"/>
        <source>In refurbishment (oldest first)</source>
        <translation>翻新中（最早的在前）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="105"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="106"/>
        <source>What to fix</source>
        <translation>待修复内容</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="106"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="107"/>
        <source>Opened</source>
        <translation>开单时间</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="140"/>
        <source>Scan a unit&apos;s tag (its LPN)</source>
        <translation>扫描货品标签（其 LPN）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="168"/>
        <source>Log the parts and minutes; then the outcome, the new grade and what was done</source>
        <translation>登记零件和分钟；然后填写结果、新等级和所做维修</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="173"/>
        <source>Say what to fix, then Enter: the work order opens</source>
        <translation>填写待修复内容后按 Enter：即开维修工单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="178"/>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="253"/>
        <source>held until decided</source>
        <translation>暂存待定</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="179"/>
        <source>{code} is not routed to refurbish ({disposition}): it gets no work order.</source>
        <translation>{code} 未被分派去翻新（{disposition}）：不开维修工单。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="190"/>
        <source>Grade {grade}</source>
        <translation>等级 {grade}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="193"/>
        <source>To fix: {fault}</source>
        <translation>待修复：{fault}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="194"/>
        <source>Parts so far: {parts} · {minutes} min</source>
        <translation>已用零件：{parts} · {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="197"/>
        <source>Earlier work orders: {count}</source>
        <translation>以往维修工单：{count}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="210"/>
        <source>Work order opened for {code}.</source>
        <translation>已为 {code} 开维修工单。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="232"/>
        <source>Logged: {parts} · {minutes} min in all.</source>
        <translation>已登记：{parts} · 共 {minutes} 分钟。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/refurbish_dialog.py" line="255"/>
        <source>{code}: {outcome}, graded {grade}; it goes to {disposition} ({zone}): put it away there.</source>
        <translation>{code}：{outcome}，定为 {grade} 级；去向 {disposition}（{zone}）：请上架到该处。</translation>
    </message>
</context>
<context>
    <name>ReturnActions</name>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="90"/>
        <source>&amp;Receive parcel…</source>
        <translation>收货(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="91"/>
        <source>Record the parcel&apos;s arrival; starts the P5 clock</source>
        <translation>记录包裹到达；开始计算 P5 检验期限</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="92"/>
        <source>&amp;Count cartons…</source>
        <translation>清点纸箱(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="93"/>
        <source>Scan the cartons still missing</source>
        <translation>扫描尚未到达的纸箱</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="94"/>
        <source>&amp;Inspect…</source>
        <translation>检验(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="95"/>
        <source>Inspect the next returned line against the checklist</source>
        <translation>按检验清单检验下一件退货商品</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="98"/>
        <source>Approve as &amp;exception…</source>
        <translation>作为例外批准(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="100"/>
        <source>Supervisor: approve a return the rules refused</source>
        <translation>主管：批准规则未通过的退货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="101"/>
        <source>Close receipt &amp;short…</source>
        <translation>缺件结单(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="103"/>
        <source>Supervisor: accept the receipt with cartons missing</source>
        <translation>主管：在缺少纸箱的情况下确认收货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="104"/>
        <source>Receive &amp;unexpected parcel…</source>
        <translation>意外包裹收货(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="106"/>
        <source>Log a parcel that matches no return</source>
        <translation>登记无法匹配退货的包裹</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="108"/>
        <source>&amp;Put away or move…</source>
        <translation>上架或移库(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="109"/>
        <source>Scan a unit, then the bin it goes in</source>
        <translation>先扫描货品，再扫描其库位</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="110"/>
        <source>Clear &amp;weight flags…</source>
        <translation>解除重量异常(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="112"/>
        <source>Supervisor: the goods were checked; no item swap</source>
        <translation>主管：已核对货物，未被调包</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="113"/>
        <source>Send a unit &amp;elsewhere…</source>
        <translation>将货品改送他处(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="115"/>
        <source>Supervisor: another disposition than the rule&apos;s</source>
        <translation>主管：采用与规则不同的处置方式</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="117"/>
        <source>Re&amp;furbish…</source>
        <translation>翻新(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="118"/>
        <source>Scan a unit to open, log or complete its work order</source>
        <translation>扫描货品以开立、登记或完成其维修工单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="119"/>
        <source>Return to &amp;vendor…</source>
        <translation>退回供应商(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="121"/>
        <source>Scan a defective unit onto its supplier&apos;s RTV shipment</source>
        <translation>扫描有缺陷的货品，加入其供应商的退供应商发运单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="123"/>
        <source>Liquidation &amp;lots…</source>
        <translation>清仓批次(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="124"/>
        <source>Scan units onto a pallet, weigh it, print its manifest and label</source>
        <translation>扫描货品放上托盘、称重，并打印清单和标签</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="220"/>
        <source>{rma} received; possible item swap: {code} weighs {weighed} kg, not {expected} kg.</source>
        <translation>{rma} 已收货；可能被调包：{code} 重 {weighed} 千克，而非 {expected} 千克。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="229"/>
        <source>{rma} is partially received; cartons missing: {what}</source>
        <translation>{rma} 部分收货；缺少纸箱：{what}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="318"/>
        <source>Clear the weight flags of {rma}</source>
        <translation>解除 {rma} 的重量异常</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="319"/>
        <source>A unit weighed far from the catalogue&apos;s weight. Say what you checked.</source>
        <translation>货品重量与目录相差较大。请说明核对情况。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="320"/>
        <source>Clear</source>
        <translation>解除</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="321"/>
        <source>The weight flags of {rma} are cleared.</source>
        <translation>{rma} 的重量异常已解除。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="350"/>
        <source>{code} goes to {zone} now.</source>
        <translation>{code} 现改送 {zone}。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="447"/>
        <source>{tag} is approved as an exception.</source>
        <translation>{tag} 已作为例外批准。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="214"/>
        <source>{rma} received.</source>
        <translation>{rma} 已收货。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="260"/>
        <source>{tag}: carton {n} of {total}</source>
        <translation>{tag}：第 {n} 箱，共 {total} 箱</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="263"/>
        <source>all cartons are in; ready to inspect.</source>
        <translation>纸箱已全部到齐，可以检验。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="277"/>
        <source>Close {rma} short</source>
        <translation>{rma} 缺件结单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="278"/>
        <source>Cartons are missing. Say why the receipt is accepted as it is.</source>
        <translation>缺少纸箱。请说明为何按现状确认收货。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="279"/>
        <source>Close short</source>
        <translation>缺件结单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="280"/>
        <source>{rma} is closed short.</source>
        <translation>{rma} 已按缺件结单。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="309"/>
        <source>The unexpected parcel is logged.</source>
        <translation>意外包裹已登记。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="422"/>
        <source>Inspection of {tag} finished.</source>
        <translation>{tag} 的检验已完成。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="443"/>
        <source>Approve {tag} as an exception</source>
        <translation>将 {tag} 作为例外批准</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="444"/>
        <source>The rules&apos; decision stays on record. Write why this return is approved anyway; the reason is kept with your name.</source>
        <translation>规则的判定会保留在记录中。请写明为何仍批准此退货；原因将与您的姓名一同保存。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="446"/>
        <source>Approve exception</source>
        <translation>批准例外</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="60"/>
        <source>{rma} is restricted: {reason}. It is read-only: it cannot be received, inspected or printed.</source>
        <translation>{rma} 受限：{reason}。该记录只读，不能收货、检验或打印。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="64"/>
        <source>privacy rule</source>
        <translation>隐私规则</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/return_actions.py" line="240"/>
        <source>{rma}: all cartons are in.</source>
        <translation>{rma}：纸箱已全部收到。</translation>
    </message>
</context>
<context>
    <name>ReturnsTableModel</name>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="64"/>
        <source>RMA</source>
        <translation>退货单号</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="65"/>
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="66"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="67"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="68"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="69"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="70"/>
        <source>Applied</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="71"/>
        <source>Received</source>
        <translation>收货日期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="311"/>
        <source>Restricted: read-only (privacy rule)</source>
        <translation>已限制处理：只读（隐私规则）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="316"/>
        <source>Overdue: past the P5 inspection deadline</source>
        <translation>已逾期：超过 P5 检验期限</translation>
    </message>
</context>
<context>
    <name>ScaleReading</name>
    <message>
        <location filename="../../livenon_desk/views/scale_reading.py" line="33"/>
        <source>Read the scale (F6)</source>
        <translation>读取秤 (F6)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/scale_reading.py" line="46"/>
        <source>This station has no scale: type the weight.</source>
        <translation>本工位没有秤：请手动输入重量。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/scale_reading.py" line="59"/>
        <source>Reading the scale…</source>
        <translation>正在读取秤…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/scale_reading.py" line="64"/>
        <source>Read from the scale.</source>
        <translation>已从秤读取。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="56"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="61"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="74"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="87"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="88"/>
        <source>Mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="96"/>
        <source>This station&apos;s devices (set up by IT in {file})</source>
        <translation>本工位的设备（由 IT 在 {file} 中设置）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="99"/>
        <source>none set up</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="100"/>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="102"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="102"/>
        <source>{dpi} dpi</source>
        <translation>{dpi} dpi</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="104"/>
        <source>Darkness</source>
        <translation>打印深度</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="105"/>
        <source>Picture sent as</source>
        <translation>图像发送格式</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="106"/>
        <source>Z64 (compressed)</source>
        <translation>Z64（压缩）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="107"/>
        <source>ASCII hex (any ZPL printer)</source>
        <translation>ASCII 十六进制（任何 ZPL 打印机）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="108"/>
        <source>Print &amp;test label</source>
        <translation>打印测试标签(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="112"/>
        <source>Print the label printer&apos;s test label (Ctrl+T)</source>
        <translation>打印标签打印机的测试标签 (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="124"/>
        <source>Scale</source>
        <translation>秤</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="125"/>
        <source>{port}, {protocol}</source>
        <translation>{port}，{protocol}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="126"/>
        <source>none set up: weights are typed</source>
        <translation>未设置：手动输入重量</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="127"/>
        <source>Scanner prefix / suffix</source>
        <translation>扫描枪前缀 / 后缀</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="128"/>
        <source>{prefix} / {suffix}</source>
        <translation>{prefix} / {suffix}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="130"/>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="142"/>
        <source>Sending the test label…</source>
        <translation>正在发送测试标签…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="150"/>
        <source>The label printer took the test label. Scan its codes: they read {code}.</source>
        <translation>标签打印机已接收测试标签。请扫描其条码：内容应为 {code}。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/settings_dialog.py" line="65"/>
        <source>&amp;Beep when a scan matches no return</source>
        <translation>扫描无匹配时发出提示音(&amp;B)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="45"/>
        <source>Livenon Desk: sign in</source>
        <translation>Livenon Desk：登录</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="65"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="66"/>
        <source>&amp;Full name</source>
        <translation>姓名(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="68"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="69"/>
        <source>&amp;Repeat password</source>
        <translation>再次输入密码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="90"/>
        <source>The desk is locked. {name}, enter your password to go on where you left off.</source>
        <translation>本机已锁定。{name}，请输入密码，从离开处继续工作。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="95"/>
        <source>Switch user…</source>
        <translation>切换用户…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="96"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="100"/>
        <source>This desk has no users yet. Create the administrator&apos;s account; it can add inspectors and supervisors later.</source>
        <translation>本机尚无用户。请创建管理员账户，之后可由管理员添加检验员和主管。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="102"/>
        <source>&amp;Create administrator</source>
        <translation>创建管理员(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="105"/>
        <source>Sign in to see and work on returns.</source>
        <translation>请登录后查看和处理退货。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="107"/>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sign_in_dialog.py" line="115"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../livenon_desk/views/sync_status.py" line="39"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_status.py" line="40"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_status.py" line="41"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_status.py" line="42"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_status.py" line="43"/>
        <source>Sync not set up</source>
        <translation>未设置同步</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_status.py" line="50"/>
        <source>{n} waiting</source>
        <translation>{n} 项待发送</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_status.py" line="52"/>
        <source>{n} to decide</source>
        <translation>{n} 项待决定</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_status.py" line="54"/>
        <source>{n} refused</source>
        <translation>{n} 项被拒绝</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_status.py" line="55"/>
        <source>last sync {when}</source>
        <translation>上次同步 {when}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_status.py" line="59"/>
        <source>Sync with the central server: click for details</source>
        <translation>与中央服务器同步：点击查看详情</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_status.py" line="67"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="117"/>
        <source>Sync with the central server</source>
        <translation>与中央服务器同步</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="133"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="136"/>
        <source>Central server</source>
        <translation>中央服务器</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="138"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="139"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="143"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="151"/>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="151"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="151"/>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="151"/>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="152"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="154"/>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="159"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="159"/>
        <source>On this desk</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="159"/>
        <source>On the server</source>
        <translation>服务器上</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="175"/>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="178"/>
        <source>Send this desk&apos;s change again, over the server&apos;s version</source>
        <translation>以服务器上的版本为基础，重新发送本机的更改</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="179"/>
        <source>Take theirs</source>
        <translation>采用服务器的</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="182"/>
        <source>Drop this desk&apos;s change and use the server&apos;s version</source>
        <translation>放弃本机的更改，采用服务器上的版本</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="192"/>
        <source>The server&apos;s record changed while this desk&apos;s change waited. Compare the two versions (differences are highlighted) and choose.</source>
        <translation>本机的更改等待发送期间，服务器上的记录已被修改。请比较两个版本（不同之处已高亮）后选择。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="210"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="213"/>
        <source>Queue refused changes again and run a sync round now</source>
        <translation>将被拒绝的更改重新排队，并立即同步一次</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="243"/>
        <source>Receipt</source>
        <translation>收货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="244"/>
        <location filename="../../livenon_desk/views/sync_view.py" line="256"/>
        <source>Inspection</source>
        <translation>检验</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="245"/>
        <source>Exception approval</source>
        <translation>例外批准</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="246"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="247"/>
        <source>Audit event</source>
        <translation>审计事件</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="248"/>
        <source>Refund decision</source>
        <translation>退款决定</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="275"/>
        <source>Found {when}</source>
        <translation>发现于 {when}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="297"/>
        <source>Waiting ({n})</source>
        <translation>待发送（{n}）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="298"/>
        <source>Refused ({n})</source>
        <translation>被拒绝（{n}）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="299"/>
        <source>To decide ({n})</source>
        <translation>待决定（{n}）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="317"/>
        <source>(record)</source>
        <translation>（记录）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="317"/>
        <source>not on the server</source>
        <translation>服务器上没有</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="335"/>
        <source>Your choice was saved; it is sent with the next round.</source>
        <translation>您的选择已保存，将在下一次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="346"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="356"/>
        <source>Signed in; syncing.</source>
        <translation>已登录，正在同步。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="157"/>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="157"/>
        <source>Refused</source>
        <translation>拒收时间</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="207"/>
        <source>Records the central server sent that this desk did not take, and why; the desk keeps what it had until a corrected version arrives</source>
        <translation>中央服务器发来但本机未接收的记录及原因；在收到更正版本之前，本机保留原有数据</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="253"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="254"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="255"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="294"/>
        <source>Not taken from the server ({n})</source>
        <translation>未从服务器接收 ({n})</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/sync_view.py" line="375"/>
        <source>Signed in; the sync round is done.</source>
        <translation>已登录；本轮同步已完成。</translation>
    </message>
</context>
<context>
    <name>UnexpectedParcelDialog</name>
    <message>
        <location filename="../../livenon_desk/views/unexpected_parcel_dialog.py" line="40"/>
        <source>Receive an unexpected parcel</source>
        <translation>意外包裹收货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unexpected_parcel_dialog.py" line="42"/>
        <source>No return matches «{code}». Record the parcel so that it can be matched later.</source>
        <translation>没有与“{code}”匹配的退货。请登记此包裹，以便日后匹配。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unexpected_parcel_dialog.py" line="53"/>
        <source>Name on the sender&apos;s label</source>
        <translation>寄件人标签上的姓名</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unexpected_parcel_dialog.py" line="58"/>
        <source>&amp;Arrived</source>
        <translation>到达时间(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unexpected_parcel_dialog.py" line="59"/>
        <source>&amp;Carrier</source>
        <translation>承运商(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unexpected_parcel_dialog.py" line="60"/>
        <source>&amp;Tracking number</source>
        <translation>运单号(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unexpected_parcel_dialog.py" line="61"/>
        <source>Parcel c&amp;ondition</source>
        <translation>包裹状况(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unexpected_parcel_dialog.py" line="62"/>
        <source>&amp;Sender</source>
        <translation>寄件人(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unexpected_parcel_dialog.py" line="63"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unexpected_parcel_dialog.py" line="67"/>
        <source>&amp;Record parcel</source>
        <translation>登记包裹(&amp;R)</translation>
    </message>
</context>
<context>
    <name>UnitHistory</name>
    <message>
        <location filename="../../livenon_desk/views/unit_html.py" line="18"/>
        <source>Units</source>
        <translation>货品</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_html.py" line="20"/>
        <source>held until decided</source>
        <translation>待定暂存</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_html.py" line="22"/>
        <source>supervisor {who}: {reason}</source>
        <translation>主管 {who}：{reason}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_html.py" line="24"/>
        <source>grade {grade}</source>
        <translation>等级 {grade}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_html.py" line="26"/>
        <source>bin {bin}</source>
        <translation>库位 {bin}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_html.py" line="28"/>
        <source>graded {grade}, not the proposed {proposed}: {reason}</source>
        <translation>定为 {grade} 级而非建议的 {proposed} 级：{reason}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_html.py" line="30"/>
        <source>{when} · {who}: {origin} → {to}</source>
        <translation>{when} · {who}：{origin} → {to}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_html.py" line="32"/>
        <source>receiving</source>
        <translation>收货区</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_html.py" line="34"/>
        <source>{when} · {who}: weighed {weighed} kg, the catalogue says {expected} kg</source>
        <translation>{when} · {who}：称重 {weighed} 千克，目录为 {expected} 千克</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_html.py" line="37"/>
        <source>possible item swap, for a supervisor to check</source>
        <translation>可能被调包，待主管核对</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_html.py" line="39"/>
        <source>checked by {who}: {note}</source>
        <translation>{who} 已核对：{note}</translation>
    </message>
</context>
<context>
    <name>UnitRouteDialog</name>
    <message>
        <location filename="../../livenon_desk/views/unit_route_dialog.py" line="21"/>
        <source>Send a unit elsewhere</source>
        <translation>将货品改送他处</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_route_dialog.py" line="22"/>
        <source>Scan the unit, choose where it goes instead of where its rule sent it, and say why.</source>
        <translation>请扫描货品，选择其改送的去向（而非规则所定），并说明理由。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_route_dialog.py" line="24"/>
        <source>Send</source>
        <translation>改送</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_route_dialog.py" line="26"/>
        <source>Scan the unit&apos;s tag (its LPN)</source>
        <translation>请扫描货品标签（LPN）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_route_dialog.py" line="30"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_route_dialog.py" line="34"/>
        <source>&amp;Unit</source>
        <translation>货品(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_route_dialog.py" line="35"/>
        <source>&amp;Goes to</source>
        <translation>去向(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_route_dialog.py" line="47"/>
        <source>Scan the unit first.</source>
        <translation>请先扫描货品。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/unit_route_dialog.py" line="50"/>
        <source>Choose where the unit goes.</source>
        <translation>请选择货品去向。</translation>
    </message>
</context>
<context>
    <name>VendorReturnDialog</name>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="42"/>
        <source>Return to vendor</source>
        <translation>退回供应商</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="43"/>
        <source>Unit, or an RTV shipment&apos;s code</source>
        <translation>货品，或退供应商发运单号</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="53"/>
        <source>&amp;Defect</source>
        <translation>缺陷(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="53"/>
        <source>&amp;Claim</source>
        <translation>索赔金额(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="48"/>
        <source>Unit</source>
        <translation>货品</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="48"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="48"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="49"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="50"/>
        <source>RTV shipment</source>
        <translation>退供应商发运单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="50"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="51"/>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="51"/>
        <source>Claim</source>
        <translation>索赔金额</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="54"/>
        <source>Awaiting RTV (oldest first)</source>
        <translation>待退供应商（最早的在前）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="55"/>
        <source>Open RTV shipments</source>
        <translation>待发运的退供应商发运单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="69"/>
        <source>Scan a defective unit, or an RTV shipment&apos;s code</source>
        <translation>扫描有缺陷的货品，或退供应商发运单号</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="90"/>
        <source>Grade {grade}</source>
        <translation>等级 {grade}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="91"/>
        <source>Say the defect, then the claim (empty: the unit&apos;s price)</source>
        <translation>填写缺陷，然后填写索赔金额（留空：按货品价格）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="111"/>
        <source>The claim is an amount, such as 650.00.</source>
        <translation>索赔金额须为金额，例如 650.00。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="120"/>
        <source>{code} is on {rtv} for {supplier}.</source>
        <translation>{code} 已加入发给 {supplier} 的 {rtv}。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="133"/>
        <source>shipped</source>
        <translation>已发运</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="133"/>
        <source>open</source>
        <translation>待发运</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="137"/>
        <source>{n} units · claimed {total}</source>
        <translation>{n} 件 · 索赔 {total}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="139"/>
        <source>Ctrl+P: its document · Ctrl+Return: ship it</source>
        <translation>Ctrl+P：查看单据 · Ctrl+Return：发运</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/vendor_return_dialog.py" line="153"/>
        <source>{rtv} has shipped to {supplier}.</source>
        <translation>{rtv} 已发运至 {supplier}。</translation>
    </message>
</context>
<context>
    <name>WeekChart</name>
    <message>
        <location filename="../../livenon_desk/views/week_chart.py" line="25"/>
        <source>Inspected, last 7 days</source>
        <translation>最近 7 天检验量</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/week_chart.py" line="38"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/week_chart.py" line="40"/>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/week_chart.py" line="61"/>
        <source>No inspections in the last seven days.</source>
        <translation>最近七天没有检验记录。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/week_chart.py" line="69"/>
        <source>Pass rate by reason</source>
        <translation>按原因统计的通过率</translation>
    </message>
</context>
<context>
    <name>WindowKeeper</name>
    <message>
        <location filename="../../livenon_desk/views/window_keeper.py" line="71"/>
        <source>The desk now speaks the language you chose.</source>
        <translation>界面已切换为您选择的语言。</translation>
    </message>
</context>
</TS>
