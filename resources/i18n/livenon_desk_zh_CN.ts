<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../livenon_desk/views/detail_pane.py" line="22" />
        <source>Scan a parcel or type an RMA, order, tracking number or name.</source>
        <translation>扫描包裹，或输入退货单号、订单号、运单号或姓名。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="59" />
        <source>Restricted: read-only.</source>
        <translation>已限制处理：只读。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="60" />
        <source>deadline</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="61" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="62" />
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="63" />
        <source>cartons</source>
        <translation>箱数</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="64" />
        <source>policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="65" />
        <source>paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="66" />
        <source>Tell the customer of the deduction (P7).</source>
        <translation>须告知客户扣款（P7）。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="69" />
        <source>Refund recommendation (P6)</source>
        <translation>建议退款（P6）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="91" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="94" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="95" />
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="96" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="97" />
        <source>Payment</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="99" />
        <source>Delivered (sign-off)</source>
        <translation>签收日期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="102" />
        <source>Applied</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="104" />
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="107" />
        <source>Received</source>
        <translation>收货日期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="112" />
        <source>Ship to</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="118" />
        <source>marked “Returned Goods”</source>
        <translation>已标注“退运货物”</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="119" />
        <source>NOT marked “Returned Goods”</source>
        <translation>未标注“退运货物”</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="120" />
        <source>“Returned Goods” marking not checked yet</source>
        <translation>尚未检查“退运货物”标注</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="124" />
        <source>Cross-border (T3)</source>
        <translation>跨境（T3）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/detail_html.py" line="132" />
        <source>Inspect by (P5)</source>
        <translation>检验期限（P5）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../livenon_desk/views/app.py" line="56" />
        <source>Livenon Desk</source>
        <translation>Livenon 退货工作台</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/app.py" line="57" />
        <location filename="../../livenon_desk/views/error_reporting.py" line="20" />
        <source>Something went wrong; details are in the log: {path}</source>
        <translation>出现问题；详情见日志：{path}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="13" />
        <source>Applied</source>
        <translation>已申请</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="14" />
        <source>Instructions sent</source>
        <translation>已发退货说明</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="15" />
        <source>In transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="16" />
        <source>Partially received</source>
        <translation>部分收货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="17" />
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="18" />
        <source>Inspecting</source>
        <translation>检验中</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="19" />
        <source>Inspected</source>
        <translation>已检验</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="20" />
        <source>Refund approved</source>
        <translation>已批准退款</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="21" />
        <source>Refund rejected</source>
        <translation>已拒绝退款</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="22" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="29" />
        <source>Defective</source>
        <translation>质量缺陷</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="30" />
        <source>Damaged in transit</source>
        <translation>运输损坏</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="31" />
        <source>Wrong item</source>
        <translation>发错商品</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="32" />
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="33" />
        <source>Size mismatch</source>
        <translation>尺寸不合</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="34" />
        <source>Changed mind</source>
        <translation>改变主意</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="35" />
        <source>Style or colour</source>
        <translation>款式或颜色</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="36" />
        <source>Found cheaper</source>
        <translation>找到更低价</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="42" />
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="43" />
        <source>Fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="44" />
        <source>Review</source>
        <translation>需审核</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="45" />
        <source>Pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="51" />
        <source>Eligible</source>
        <translation>符合退货条件</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="52" />
        <source>Not eligible</source>
        <translation>不符合退货条件</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="53" />
        <source>Needs supervisor review</source>
        <translation>需主管审核</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/labels.py" line="54" />
        <source>Awaiting inspection</source>
        <translation>待检验</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="46" />
        <source>Livenon Desk</source>
        <translation>Livenon 退货工作台</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="51" />
        <source>Scan or type an RMA, order, tracking or tag code, a name, email, phone…</source>
        <translation>扫描或输入退货单号、订单号、运单号、标签码、姓名、邮箱、电话…</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="56" />
        <source>Search (Ctrl+F): a scanner's code and Enter opens it</source>
        <translation>搜索（Ctrl+F）：扫码枪输入条码并回车即可打开</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="58" />
        <source>Show all returns</source>
        <translation>显示全部退货</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="59" />
        <source>Clear the search (Esc)</source>
        <translation>清除搜索（Esc）</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="110" />
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="127" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="129" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="133" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="134" />
        <source>&amp;Find a return</source>
        <translation>查找退货(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="140" />
        <source>Show &amp;all returns</source>
        <translation>显示全部退货(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="144" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="200" />
        <source>No return matches «{code}».</source>
        <translation>没有与“{code}”匹配的退货。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="204" />
        <source>Nothing matches «{code}». Check the code, or receive it as an unexpected parcel.</source>
        <translation>没有与“{code}”匹配的记录。请核对条码，或按意外包裹收货。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="211" />
        <source>Matches: {n}</source>
        <translation>匹配：{n}</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="217" />
        <source>Choose one of the {n} matches.</source>
        <translation>请从 {n} 条匹配中选择一条。</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/main_window.py" line="244" />
        <source>Returns: {n}</source>
        <translation>退货：{n}</translation>
    </message>
</context>
<context>
    <name>ReturnsTableModel</name>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="53" />
        <source>RMA</source>
        <translation>退货单号</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="54" />
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="55" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="56" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="57" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="58" />
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="59" />
        <source>Applied</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="60" />
        <source>Received</source>
        <translation>收货日期</translation>
    </message>
    <message>
        <location filename="../../livenon_desk/views/returns_table_model.py" line="214" />
        <source>Restricted: read-only (privacy rule)</source>
        <translation>已限制处理：只读（隐私规则）</translation>
    </message>
</context>
</TS>