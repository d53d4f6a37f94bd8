<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Edit activity</source>
        <translation>修改履职活动</translation>
    </message>
    <message>
        <source>Record an activity</source>
        <translation>登记履职活动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>活动日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>所属联络站</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加代表</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>letters or digits, e.g. lixm</source>
        <translation>字母或数字，如 lixm</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same one twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>AdminActions</name>
    <message>
        <source>Sign &amp;in…</source>
        <translation>登录(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Departments…</source>
        <translation>承办单位(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Users and sign-in…</source>
        <translation>用户与登录(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Retention of personal data…</source>
        <translation>个人信息保存期限(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>A task is still changing the data. Wait until it has finished.</source>
        <translation>还有任务正在修改数据，请等它完成。</translation>
    </message>
    <message>
        <source>Only a signed-in user has a password to change.</source>
        <translation>只有已登录的用户才能修改密码。</translation>
    </message>
    <message>
        <source>Open a database and sign in first.</source>
        <translation>请先打开数据库并登录。</translation>
    </message>
    <message>
        <source>The database is open read-only.</source>
        <translation>本数据库以只读方式打开。</translation>
    </message>
    <message>
        <source>Signed in: {0} ({1})</source>
        <translation>已登录：{0}（{1}）</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
</context>
<context>
    <name>AnswerMethod</name>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>By telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>书面</translation>
    </message>
    <message>
        <source>By WeChat</source>
        <translation>微信</translation>
    </message>
</context>
<context>
    <name>Attendance</name>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Excused absence</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Unexcused absence</source>
        <translation>无故缺席</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Revealed personal data</source>
        <translation>查看完整个人信息</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Restored from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Personal details purged</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>更改设置</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Every print, export, import, deletion, restore, sign-in and reveal of personal data at this PC, newest first. Rows cannot be changed or removed; “Verify the log” shows whether any row was changed outside the program.</source>
        <translation>本机每一次打印、导出、导入、删除、恢复、登录和查看完整个人信息的记录，最新的在前。记录不能修改或删除；“核验日志”可以检查是否有记录在程序之外被改动过。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Verify the log</source>
        <translation>核验日志</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>{0} rows</source>
        <translation>共 {0} 条</translation>
    </message>
    <message>
        <source>The log holds: {0} rows checked, none changed. Last hash {1}.</source>
        <translation>日志完好：已核验 {0} 条记录，均未被改动。最后一条的哈希值：{1}。</translation>
    </message>
    <message>
        <source>The log is broken at row {0} ({1}): it was changed outside the program. Keep this database file as it is and tell the county office.</source>
        <translation>日志在第 {0} 条（{1}）处断开：该记录在程序之外被改动过。请原样保留这个数据库文件，并告知县人大常委会代表工委。</translation>
    </message>
    <message>
        <source>Audit log {0}</source>
        <translation>审计日志-{0}</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saved {0} rows to {1}</source>
        <translation>已将 {0} 条记录保存到 {1}</translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>case {number}</source>
        <translation>意见建议 {number}</translation>
    </message>
    <message>
        <source>deputy {name}</source>
        <translation>代表 {name}</translation>
    </message>
    <message>
        <source>department {name}</source>
        <translation>承办单位 {name}</translation>
    </message>
    <message>
        <source>duty day {day} at {station}</source>
        <translation>{station} {day} 进站接待</translation>
    </message>
    <message>
        <source>visit {day} at {station}</source>
        <translation>{station} {day} 走访</translation>
    </message>
    <message>
        <source>activity {day}: {title}</source>
        <translation>履职活动 {day}：{title}</translation>
    </message>
    <message>
        <source>attachment of case {number}</source>
        <translation>意见建议 {number} 的附件</translation>
    </message>
    <message>
        <source>referral slip of case {number}</source>
        <translation>意见建议 {number} 的交办单</translation>
    </message>
    <message>
        <source>reply slip of case {number}</source>
        <translation>意见建议 {number} 的答复告知单</translation>
    </message>
    <message>
        <source>bundle {seq} to {site}</source>
        <translation>发往{site}的第 {seq} 号数据包</translation>
    </message>
    <message>
        <source>bundle {seq} from {site}</source>
        <translation>{site}发来的第 {seq} 号数据包</translation>
    </message>
    <message>
        <source>workbook {file}</source>
        <translation>工作簿 {file}</translation>
    </message>
    <message>
        <source>annual report {year}</source>
        <translation>{year}年度报告</translation>
    </message>
    <message>
        <source>the audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>file {file}</source>
        <translation>文件 {file}</translation>
    </message>
    <message>
        <source>to paper</source>
        <translation>纸质打印</translation>
    </message>
    <message>
        <source>saved as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>phone and ID numbers masked</source>
        <translation>电话号码和身份证号隐去中间几位</translation>
    </message>
    <message>
        <source>phone and ID numbers in full</source>
        <translation>电话号码和身份证号完整</translation>
    </message>
    <message>
        <source>{rows} rows</source>
        <translation>{rows} 行</translation>
    </message>
    <message>
        <source>{records} records</source>
        <translation>{records} 条记录</translation>
    </message>
    <message>
        <source>{pages} pages</source>
        <translation>{pages} 页</translation>
    </message>
    <message>
        <source>{stations} stations</source>
        <translation>{stations} 个联络站</translation>
    </message>
    <message>
        <source>{new} new</source>
        <translation>新增 {new}</translation>
    </message>
    <message>
        <source>{updated} updated</source>
        <translation>更新 {updated}</translation>
    </message>
    <message>
        <source>{unchanged} unchanged</source>
        <translation>未变 {unchanged}</translation>
    </message>
    <message>
        <source>{conflicts} conflicts</source>
        <translation>冲突 {conflicts}</translation>
    </message>
    <message>
        <source>{rejected} rejected</source>
        <translation>未导入 {rejected}</translation>
    </message>
    <message>
        <source>only {action}</source>
        <translation>仅 {action}</translation>
    </message>
    <message>
        <source>user added: {role}</source>
        <translation>添加用户：{role}</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>user enabled</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <source>user disabled</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>sign-in required</source>
        <translation>开启登录</translation>
    </message>
    <message>
        <source>sign-in turned off</source>
        <translation>关闭登录</translation>
    </message>
    <message>
        <source>backup taken {taken}</source>
        <translation>备份时间 {taken}</translation>
    </message>
    <message>
        <source>the database before it set aside as {file}</source>
        <translation>恢复前的数据库另行保留为 {file}</translation>
    </message>
    <message>
        <source>encrypted backup of {size} bytes</source>
        <translation>加密备份，{size} 字节</translation>
    </message>
    <message>
        <source>retention {years} years</source>
        <translation>保存期限 {years} 年</translation>
    </message>
    <message>
        <source>retention off</source>
        <translation>不设保存期限</translation>
    </message>
    <message>
        <source>{cases} cases</source>
        <translation>{cases} 件意见建议</translation>
    </message>
    <message>
        <source>closed before {day}</source>
        <translation>{day} 之前办结</translation>
    </message>
    <message>
        <source>backups taken before {day}</source>
        <translation>{day} 之前的备份</translation>
    </message>
    <message>
        <source>{programme}: {name}</source>
        <translation>{programme}：{name}</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Backups (*.ldbackup *.sqlite);;All files (*)</source>
        <translation>备份 (*.ldbackup *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Back up to USB stick…</source>
        <translation>备份到 U 盘…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Back up to a USB stick</source>
        <translation>备份到 U 盘</translation>
    </message>
    <message>
        <source>The encrypted backup was written to {0} and read back to check it ({1}).

Keep the passphrase apart from the stick: without it the backup cannot be restored, and nobody can recover it.</source>
        <translation>加密备份已写入 {0}，并已回读核对（{1}）。

请将口令与 U 盘分开保管：口令一旦遗失，这份备份就无法恢复，谁也无能为力。</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Wait until the work under way has finished, then restore.</source>
        <translation>请等正在进行的工作完成后再恢复。</translation>
    </message>
    <message>
        <source>Replace the database with the backup of {0}?

The database as it is now is set aside in its folder (not deleted). Records entered after {0} will be missing until they are typed in again or come back with the county office&apos;s bundles.</source>
        <translation>要用 {0} 的备份替换当前数据库吗？

当前的数据库会在原文件夹中另行保留（不会删除）。{0} 之后录入的记录将会缺失，需要重新录入，或等县人大常委会代表工委的数据包送回。</translation>
    </message>
    <message>
        <source>The database was restored from the backup of {0}.</source>
        <translation>数据库已用 {0} 的备份恢复。</translation>
    </message>
    <message>
        <source>The database as it was before is kept as {0}; delete it only when you are sure nothing in it is needed.</source>
        <translation>原来的数据库已另存为 {0}；确认其中没有需要的内容后再删除。</translation>
    </message>
    <message>
        <source>The backup was older than the last removal of personal details: the details of {0} closed cases past the retention period were removed again.</source>
        <translation>这份备份早于上次删除个人信息：已超过保存期限的 {0} 件已办结意见建议，其中的个人信息已再次删除。</translation>
    </message>
    <message>
        <source>The passphrase of {0}:</source>
        <translation>{0} 的口令：</translation>
    </message>
</context>
<context>
    <name>BackupToUsbDialog</name>
    <message>
        <source>Back up to a USB stick</source>
        <translation>备份到 U 盘</translation>
    </message>
    <message>
        <source>A complete copy of the database is written to the stick, encrypted with a passphrase: without the passphrase nobody can read it, not even the county office. Keep the passphrase apart from the stick (written down and locked away at the station), never on it or in the same bag.</source>
        <translation>数据库的完整副本将写入 U 盘，并用口令加密：没有口令，谁都无法读取，县人大常委会代表工委也不能。请将口令与 U 盘分开保管（写在纸上，锁在联络站内），切勿存在 U 盘上，也不要放在同一个包里。</translation>
    </message>
    <message>
        <source>The USB stick or folder to write to</source>
        <translation>要写入的 U 盘或文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>写入位置</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Choose the USB stick or folder to write to.</source>
        <translation>请选择要写入的 U 盘或文件夹。</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>口令至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation>两次输入的口令不一致，请输入相同的口令。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>A backup of the database could not be written to {folder}: the disk may be full or the folder read-only. The database itself is unchanged. Free some space and try again.</source>
        <translation>数据库备份无法写入 {folder}：磁盘可能已满，或该文件夹不允许写入。数据库本身没有改动。请清理出空间后重试。</translation>
    </message>
    <message>
        <source>A backup just made of the database did not pass its integrity check, so it was deleted. The database itself may be damaged: do not delete anything, and call the county office.</source>
        <translation>刚做好的数据库备份未通过完整性检查，已被删除。数据库本身可能已损坏：请不要删除任何东西，并打电话联系县人大常委会代表工委。</translation>
    </message>
    <message>
        <source>The backup {file} is damaged or is not a Liaison Desk backup, so it cannot be restored. Choose another backup.</source>
        <translation>备份 {file} 已损坏，或不是联络站工作台的备份，无法恢复。请选择其他备份。</translation>
    </message>
    <message>
        <source>This database is kept on a database server ({where}). The server&apos;s own backups protect it, so Liaison Desk makes no backup files of it here: ask the county office&apos;s administrator.</source>
        <translation>本数据库保存在数据库服务器上（{where}），由服务器自身的备份保护，因此联络站工作台不在本机为它制作备份文件：请询问县人大常委会代表工委的管理员。</translation>
    </message>
    <message>
        <source>This database is open read-only, so it cannot be backed up or replaced from here. Copy it to a folder of your own and open the copy.</source>
        <translation>本数据库以只读方式打开，无法在此备份或替换。请将其复制到您自己的文件夹，然后打开副本。</translation>
    </message>
    <message>
        <source>{file} is not a Liaison Desk backup, or it is incomplete (copied before it was finished?). Nothing was changed; choose another file.</source>
        <translation>{file} 不是联络站工作台的备份，或者不完整（是否在写完之前就复制了？）。未做任何更改，请选择其他文件。</translation>
    </message>
    <message>
        <source>The passphrase does not open {file}. Check it (capital letters, the input method, spaces) and try again; if it still fails, the file may be damaged. Nothing was changed.</source>
        <translation>口令打不开 {file}。请检查口令（大小写、输入法、空格）后重试；仍不行时，文件可能已损坏。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup could not be written to {file}: the USB stick was removed, is full or is write-protected. An older backup file of that name, if there was one, is unchanged. Check the stick and try again.</source>
        <translation>备份无法写入 {file}：U 盘已拔出、已满或处于写保护状态。原有的同名备份文件（如果有）没有改动。请检查 U 盘后重试。</translation>
    </message>
    <message>
        <source>The backup written to {file} read back differently from what was written: the USB stick may be failing. Use another stick and try again.</source>
        <translation>写入 {file} 的备份读回后与写入的内容不一致：U 盘可能有故障。请换一个 U 盘重试。</translation>
    </message>
    <message>
        <source>The backup {file} was made by a newer version of Liaison Desk. Install that version to restore it; nothing was changed.</source>
        <translation>备份 {file} 由较新版本的联络站工作台制作。请安装该版本后再恢复；未做任何更改。</translation>
    </message>
    <message>
        <source>The database {path} could not be set aside (another program may hold it open), so nothing was restored and nothing was changed. Close other programs and try again.</source>
        <translation>数据库 {path} 无法移开另存（可能有其他程序正打开着它），因此没有恢复，也没有做任何更改。请关闭其他程序后重试。</translation>
    </message>
    <message>
        <source>deputies</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>duty days</source>
        <translation>进站接待</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>activities</source>
        <translation>履职活动</translation>
    </message>
</context>
<context>
    <name>Bundle</name>
    <message>
        <source>This bundle was not written by a station this office has enrolled, or it was changed after it was written. Do not import it; ask the station to export it again.</source>
        <translation>该数据包不是由本单位已登记的站点生成，或生成后被改动过。请勿导入，请该站点重新导出。</translation>
    </message>
    <message>
        <source>This bundle cannot be opened here: it was written for another office, or it was damaged on the way. Nothing has been imported; ask the sender to export it again for this office.</source>
        <translation>该数据包无法在本机打开：它是发给其他单位的，或在传递中已损坏。未导入任何数据，请发送方为本单位重新导出。</translation>
    </message>
    <message>
        <source>The passphrase is not right, or the key file was damaged. Check the passphrase (capital letters, input method, spaces) and try again; if it still fails, ask the county office for a new file.</source>
        <translation>口令不正确，或密钥文件已损坏。请检查口令（大小写、输入法、空格）后重试；仍不行时，请向县人大常委会代表工委索取新文件。</translation>
    </message>
    <message>
        <source>This is not the key file that was asked for, or it is incomplete. Check that you chose the right file (an enrollment file or a key escrow file from the county office) and copy it again.</source>
        <translation>这不是所需的密钥文件，或文件不完整。请确认选择的文件（县里发来的登记文件或密钥托管文件）是否正确，并重新复制。</translation>
    </message>
    <message>
        <source>This passphrase is too short. Choose one of at least 8 characters that is not easy to guess, and keep it apart from the USB stick.</source>
        <translation>口令太短。请设置至少 8 个字符、不易猜到的口令，并且不要与 U 盘放在一起。</translation>
    </message>
    <message>
        <source>“{file}” comes from a site this office has not enrolled, or it was changed after it was written. Nothing has been imported.</source>
        <translation>「{file}」来自本处没有登记的站点，或写出后被改动过。没有导入任何内容。</translation>
    </message>
    <message>
        <source>“{file}” comes from {name}, whose keys were revoked. Nothing has been imported; re-enroll the site and ask it to export again.</source>
        <translation>「{file}」来自{name}，其密钥已被吊销。没有导入任何内容；请重新登记该站点，再请其重新导出。</translation>
    </message>
    <message>
        <source>“{file}” was written for another office, not this one. Nothing has been imported; check that you chose the right file.</source>
        <translation>「{file}」是发给其他单位的，不是发给本处的。没有导入任何内容；请检查是否选错了文件。</translation>
    </message>
    <message>
        <source>“{file}” claims the number of bundle {seq} from {name}, but a different bundle {seq} from {name} was already imported. It has been set aside (quarantined) and nothing was imported; ask {name} which one is right.</source>
        <translation>「{file}」自称是{name}第 {seq} 号数据包，但已导入过另一个不同的{name}第 {seq} 号数据包。此文件已隔离存放，没有导入任何内容；请向{name}核实哪一个是正确的。</translation>
    </message>
    <message>
        <source>“{file}” (bundle {seq} from {name}) does not follow on from the bundles of {name} already imported. It has been set aside (quarantined) and nothing was imported; ask {name} whether its database was replaced.</source>
        <translation>「{file}」（{name}第 {seq} 号数据包）与已导入的{name}数据包衔接不上。此文件已隔离存放，没有导入任何内容；请向{name}核实其数据库是否被替换过。</translation>
    </message>
    <message>
        <source>“{file}” was already set aside (quarantined) as not fitting the bundles of {name}. Nothing has been imported.</source>
        <translation>「{file}」此前已因与{name}的数据包不符而隔离存放。没有导入任何内容。</translation>
    </message>
    <message>
        <source>The contents of “{file}” do not match its list of contents. Nothing has been imported; ask the sender to export it again.</source>
        <translation>「{file}」的内容与其内容清单不符。没有导入任何内容；请发送方重新导出。</translation>
    </message>
    <message>
        <source>“{file}” is not a bundle from Liaison Desk, or it was damaged on the way. Ask for it to be exported again.</source>
        <translation>「{file}」不是联络站工作台的数据包，或在传递中已损坏。请对方重新导出。</translation>
    </message>
    <message>
        <source>“{file}” is far larger than a bundle from Liaison Desk can be, so it was not opened. Check that you chose the right file.</source>
        <translation>「{file}」远大于联络站工作台数据包应有的大小，未打开。请确认选择的文件是否正确。</translation>
    </message>
    <message>
        <source>“{file}” could not be read: the USB stick may have been removed, or another program is using the file. Check the stick and try again.</source>
        <translation>无法读取「{file}」：U 盘可能已拔出，或文件正被其他程序使用。请检查 U 盘后重试。</translation>
    </message>
    <message>
        <source>The bundle could not be written to “{file}”: the USB stick may be full, write-protected or removed. Nothing was changed; check the stick and try again.</source>
        <translation>数据包无法写入「{file}」：U 盘可能已满、写保护或已拔出。未做任何更改，请检查 U 盘后重试。</translation>
    </message>
    <message>
        <source>The bundle could not be written to “{file}”: another program is using that file (an antivirus may be checking it). Nothing was changed; wait a minute and try again.</source>
        <translation>数据包无法写入「{file}」：该文件正被其他程序使用（可能是杀毒软件在检查）。未做任何更改，请稍等一分钟后重试。</translation>
    </message>
    <message>
        <source>The bundle written to “{file}” did not read back the same: the USB stick may be faulty. Nothing was changed; try again, or use another USB stick.</source>
        <translation>写入「{file}」的数据包读回后与原内容不一致，U 盘可能有故障。未做任何更改，请重试或换一个 U 盘。</translation>
    </message>
    <message>
        <source>“{file}” was written by a newer version of Liaison Desk. Install the newer version, then import it again; nothing has been changed.</source>
        <translation>「{file}」由较新版本的联络站工作台生成。请安装新版本后再导入；未做任何更改。</translation>
    </message>
    <message>
        <source>The contents of “{file}” are damaged or were written by a program this one does not know. Nothing has been imported; ask the sender to export it again.</source>
        <translation>「{file}」的内容已损坏，或由本程序无法识别的程序写出。没有导入任何内容；请发送方重新导出。</translation>
    </message>
</context>
<context>
    <name>BundleActions</name>
    <message>
        <source>Bundles (*.ldbundle);;All files (*)</source>
        <translation>数据包 (*.ldbundle);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{0} ({1}), {2} free</source>
        <translation>{0}（{1}），剩余 {2}</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>选择其他文件夹…</translation>
    </message>
    <message>
        <source>Where should the bundle be written?</source>
        <translation>数据包写到哪里？</translation>
    </message>
    <message>
        <source>no records, only which bundles arrived here</source>
        <translation>没有记录，只告知对方哪些数据包已收到</translation>
    </message>
    <message>
        <source>{0} records ({1})</source>
        <translation>{0} 条记录（{1}）</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Bundle {0} for {1}: {2}. Written to {3}</source>
        <translation>发往{1}的第 {0} 号数据包：{2}。已写到 {3}</translation>
    </message>
    <message>
        <source>Nothing has changed since the last bundle to {0}: no file was written.</source>
        <translation>自上次发往{0}的数据包以来没有任何变动，没有写出文件。</translation>
    </message>
    <message>
        <source>Nothing has changed since the last bundle to: {0}.</source>
        <translation>以下接收方自上次数据包以来没有任何变动：{0}。</translation>
    </message>
    <message>
        <source>Each file was read back after writing and checked: the USB stick can be removed now.</source>
        <translation>每个文件写入后都已回读核对：现在可以拔下U盘了。</translation>
    </message>
    <message>
        <source>Stopped as asked: the others were not written.</source>
        <translation>已按要求停止，其余数据包没有写出。</translation>
    </message>
    <message>
        <source>&amp;Bundles</source>
        <translation>数据包(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>导出数据包(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import bundle…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <source>All stations ({0})</source>
        <translation>全部联络站（{0} 个）</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <comment>a station and its code</comment>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>Which station is it for?</source>
        <translation>发给哪个联络站？</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <source>Writing the bundle for {0}…</source>
        <translation>正在写出发往{0}的数据包…</translation>
    </message>
    <message>
        <source>Write a bundle again</source>
        <translation>重新写出数据包</translation>
    </message>
    <message>
        <source>Bundle {0} written again to {1}, read back and checked: the USB stick can be removed now.</source>
        <translation>第 {0} 号数据包已重新写到 {1}，并已回读核对，现在可以拔下U盘。</translation>
    </message>
    <message>
        <source>Choose the bundles to import</source>
        <translation>选择要导入的数据包</translation>
    </message>
    <message>
        <source>Checking “{0}”…</source>
        <translation>正在核验「{0}」…</translation>
    </message>
    <message>
        <source>Importing “{0}”…</source>
        <translation>正在导入「{0}」…</translation>
    </message>
    <message>
        <source>Checking the bundles</source>
        <translation>核验数据包</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Stopped as asked: the other bundles were not imported.</source>
        <translation>已按要求停止，其余数据包没有导入。</translation>
    </message>
    <message>
        <source>Importing bundles</source>
        <translation>导入数据包</translation>
    </message>
</context>
<context>
    <name>BundlePlan</name>
    <message>
        <source>a value does not fit its field</source>
        <translation>有字段的值不合规范</translation>
    </message>
    <message>
        <source>the record belongs to another site</source>
        <translation>该记录属于其他站点</translation>
    </message>
    <message>
        <source>the record is another station&apos;s</source>
        <translation>该记录属于其他联络站</translation>
    </message>
    <message>
        <source>only the county office keeps such records</source>
        <translation>只有县人大常委会代表工委保存此类记录</translation>
    </message>
    <message>
        <source>the record&apos;s owner differs from the copy here</source>
        <translation>该记录的所属站点与本处副本不一致</translation>
    </message>
    <message>
        <source>a step of the case differs from the copy here</source>
        <translation>该件的某一办理环节与本处副本不一致</translation>
    </message>
    <message>
        <source>townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>stations</source>
        <translation>联络站</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>departments</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>feedback categories</source>
        <translation>意见类别</translation>
    </message>
    <message>
        <source>activity kinds</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>deputies</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>deputies&apos; stations</source>
        <translation>代表所属联络站</translation>
    </message>
    <message>
        <source>holidays and workdays</source>
        <translation>节假日与调休</translation>
    </message>
    <message>
        <source>calendar years</source>
        <translation>日历年度</translation>
    </message>
    <message>
        <source>congress sessions</source>
        <translation>大会会期</translation>
    </message>
    <message>
        <source>points rules</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <source>points years confirmed</source>
        <translation>积分年度确认</translation>
    </message>
    <message>
        <source>duty days</source>
        <translation>进站接待</translation>
    </message>
    <message>
        <source>deputies on duty</source>
        <translation>进站代表</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>deputies on visits</source>
        <translation>走访代表</translation>
    </message>
    <message>
        <source>feedback cases</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>deputies of cases</source>
        <translation>经办代表</translation>
    </message>
    <message>
        <source>case steps</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <source>case attachments</source>
        <translation>意见附件</translation>
    </message>
    <message>
        <source>activities</source>
        <translation>履职活动</translation>
    </message>
    <message>
        <source>activity participants</source>
        <translation>活动参加人</translation>
    </message>
    <message>
        <source>points disputes</source>
        <translation>积分异议</translation>
    </message>
    <message>
        <source>ledgers printed</source>
        <translation>台账打印记录</translation>
    </message>
    <message>
        <source>livelihood projects</source>
        <translation>民生实事项目</translation>
    </message>
    <message>
        <source>project votes</source>
        <translation>项目票决与测评</translation>
    </message>
    <message>
        <source>project milestones</source>
        <translation>项目进度</translation>
    </message>
    <message>
        <source>projects&apos; supervising deputies</source>
        <translation>项目监督代表</translation>
    </message>
    <message>
        <source>special-fund projects</source>
        <translation>专项资金项目</translation>
    </message>
    <message>
        <source>supervision visits</source>
        <translation>监督视察</translation>
    </message>
    <message>
        <source>deputies on supervision visits</source>
        <translation>参加监督视察的代表</translation>
    </message>
    <message>
        <source>draft laws</source>
        <translation>法律法规草案</translation>
    </message>
    <message>
        <source>legislative contacts</source>
        <translation>立法联系点及联络员</translation>
    </message>
    <message>
        <source>comments on drafts</source>
        <translation>立法意见建议</translation>
    </message>
    <message>
        <source>training batches</source>
        <translation>培训班次</translation>
    </message>
    <message>
        <source>training attendance</source>
        <translation>参训情况</translation>
    </message>
    <message>
        <source>legal-service officers</source>
        <translation>“三官”人员</translation>
    </message>
    <message>
        <source>legal officers&apos; stations</source>
        <translation>“三官”联系站点</translation>
    </message>
    <message>
        <source>legal-service events</source>
        <translation>“三官”进站活动</translation>
    </message>
    <message>
        <source>deputies&apos; stories</source>
        <translation>代表事迹与报道</translation>
    </message>
    <message>
        <source>Bundle {0} from {1}</source>
        <translation>{1}第 {0} 号数据包</translation>
    </message>
    <message>
        <source>“{0}”: {1}</source>
        <translation>「{0}」：{1}</translation>
    </message>
    <message>
        <source>“{0}” (bundle {1} from {2}) was already imported: nothing changes.</source>
        <translation>「{0}」（{2}第 {1} 号数据包）已导入，没有任何改动。</translation>
    </message>
    <message>
        <source>Bundle {0} from {1} is missing: ask {1} to write it again.</source>
        <translation>缺少{1}第 {0} 号数据包：请{1}重新写出。</translation>
    </message>
    <message>
        <source>{0} new, {1} updated, {2} unchanged, {3} conflicts, {4} rejected, {5} waiting</source>
        <translation>新增 {0}，更新 {1}，未变 {2}，冲突 {3}，拒收 {4}，待补 {5}</translation>
    </message>
    <message>
        <source>{0}: {1}.</source>
        <translation>{0}：{1}。</translation>
    </message>
    <message>
        <source>{0} of our bundles confirmed as received.</source>
        <translation>对方确认已收到本处 {0} 个数据包。</translation>
    </message>
    <message>
        <source>Records in conflict wait for your decision in the Bundles tab.</source>
        <translation>有冲突的记录在“数据包”页等待您处理。</translation>
    </message>
</context>
<context>
    <name>BundlePlanDialog</name>
    <message>
        <source>Import bundles</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Records that will not be taken, and why:</source>
        <translation>不予接收的记录及原因：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>“{0}”: bundle {1} from {2}, written {3} (the sender&apos;s clock). Nothing has been written yet: check the figures, then press Import.</source>
        <translation>「{0}」：{2}第 {1} 号数据包，写出于 {3}（按发送方电脑时间）。目前尚未写入任何内容：请核对各项数字，再按“导入”。</translation>
    </message>
    <message>
        <source>{0} bundles checked: {1} can be imported, {2} already imported, {3} refused. Nothing has been written yet.</source>
        <translation>已核验 {0} 个数据包：可以导入 {1} 个，已导入过 {2} 个，拒收 {3} 个。目前尚未写入任何内容。</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待补</translation>
    </message>
    <message>
        <source>No records: only which of our bundles arrived</source>
        <translation>没有记录，只告知本处哪些数据包已送达</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{0} records differ from the copy here at the same version: they are listed in the Bundles tab, where you keep ours or take theirs.</source>
        <translation>有 {0} 条记录与本处同一版本的副本内容不同：已列在“数据包”页，由您决定保留本处的还是采用对方的。</translation>
    </message>
    <message>
        <source>{0} records point to records not here yet: they wait, and are taken in as soon as the bundle carrying those arrives.</source>
        <translation>有 {0} 条记录所关联的记录尚未到达：先行待补，相关数据包一到即自动接收。</translation>
    </message>
    <message>
        <source>{0} of our bundles are confirmed as received.</source>
        <translation>对方确认已收到本处 {0} 个数据包。</translation>
    </message>
</context>
<context>
    <name>BundlesTab</name>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <source>another bundle with this number was imported</source>
        <translation>已导入过同一编号的另一个数据包</translation>
    </message>
    <message>
        <source>does not follow on from the bundles imported</source>
        <translation>与已导入的数据包衔接不上</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>导出数据包…</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <source>Write again…</source>
        <translation>重新写出…</translation>
    </message>
    <message>
        <source>Keep ours</source>
        <translation>保留本处的</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用对方的</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发出</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <source>A bundle is confirmed once the recipient&apos;s next bundle says it arrived. If a copy was lost, write it again: the same bundle, byte for byte.</source>
        <translation>对方发回的下一个数据包说明已收到后，即为“已确认”。如果U盘上的文件丢失，可以重新写出：与原数据包完全相同。</translation>
    </message>
    <message>
        <source>Bundles that do not fit those already imported from the same site are set aside, not imported. Ask the sender which copy is right.</source>
        <translation>与同一站点已导入的数据包不相符的，隔离存放，不予导入。请向发送方核实哪一份是正确的。</translation>
    </message>
    <message>
        <source>Conflicts ({0})</source>
        <translation>冲突（{0}）</translation>
    </message>
    <message>
        <source>Set aside ({0})</source>
        <translation>已隔离（{0}）</translation>
    </message>
    <message>
        <source>The same version of a record arrived with other contents: keep the copy here, or take the sender&apos;s. Cases whose steps crossed: {0} (settled in the Feedback tab). Records waiting for records not here yet: {1}.</source>
        <translation>同一版本的记录到达时内容不同：请选择保留本处的副本，或采用发送方的。办理环节交叉的意见建议：{0} 件（在“意见建议”页处理）。等待关联记录到达的记录：{1} 条。</translation>
    </message>
    <message>
        <source>Received {0} bundles, sent {1}. Missing: {2}. Conflicts: {3}. Set aside: {4}.</source>
        <translation>已收到数据包 {0} 个，已发出 {1} 个。缺少：{2} 个。冲突：{3} 条。已隔离：{4} 个。</translation>
    </message>
    <message>
        <source>Bundles received: {0}, missing: {1}</source>
        <translation>已收到数据包 {0} 个，缺少 {1} 个</translation>
    </message>
    <message>
        <source>Bundle {0} from {1} is missing: ask {1} to write it again.</source>
        <translation>缺少{1}第 {0} 号数据包：请{1}重新写出。</translation>
    </message>
    <message>
        <source>… and {0} more.</source>
        <translation>……另有 {0} 个。</translation>
    </message>
    <message>
        <source>Replace the copy here of this record ({0}) with the copy from {1}?</source>
        <translation>用{1}的副本替换本处这条记录（{0}）吗？</translation>
    </message>
</context>
<context>
    <name>CaseAction</name>
    <message>
        <source>Registration</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Answer on the spot</source>
        <translation>当场答复</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>交办</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Answer back</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Follow-up reply</source>
        <translation>跟踪答复</translation>
    </message>
    <message>
        <source>Escalation to the county office</source>
        <translation>上报县人大</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>并案</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Conflict settled</source>
        <translation>冲突处理</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>The case</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Show full phone and ID number</source>
        <translation>显示完整电话和身份证号</translation>
    </message>
    <message>
        <source>Special-fund projects</source>
        <translation>专项资金项目</translation>
    </message>
    <message>
        <source>Settle the conflict…</source>
        <translation>处理冲突…</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>办理</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Print referral slip</source>
        <translation>打印交办单</translation>
    </message>
    <message>
        <source>Print reply slip</source>
        <translation>打印答复告知单</translation>
    </message>
    <message>
        <source>Choose a case in the list to see it here.</source>
        <translation>在左侧列表中选择一件意见建议，在此查看详情。</translation>
    </message>
    <message>
        <source>Conflict: two sites acted at once; settle it first.</source>
        <translation>冲突：两处同时办理，请先处理。</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>所在村（社区）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>反映内容</translation>
    </message>
    <message>
        <source>Receiving deputies</source>
        <translation>接待代表</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>（已超期）</translation>
    </message>
    <message>
        <source>(holidays not entered: weekends only)</source>
        <translation>（节假日未录入，仅按双休日计算）</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Pictures and PDF (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.pdf)</source>
        <translation>图片和 PDF (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.pdf)</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Edit feedback</source>
        <translation>修改意见建议</translation>
    </message>
    <message>
        <source>Register feedback</source>
        <translation>登记意见建议</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>所属联络站</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>反映渠道</translation>
    </message>
    <message>
        <source>The person wishes to stay anonymous</source>
        <translation>反映人不愿留名</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Person&apos;s name</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>ID number (optional)</source>
        <translation>身份证号码（选填）</translation>
    </message>
    <message>
        <source>Village or address</source>
        <translation>所在村（社区）或地址</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Content raised</source>
        <translation>反映内容</translation>
    </message>
    <message>
        <source>Receiving deputies</source>
        <translation>接待代表</translation>
    </message>
    <message>
        <source>Linked duty day</source>
        <translation>关联进站履职活动</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>CaseFundProjects</name>
    <message>
        <source>approved {0} yuan</source>
        <translation>核定 {0} 元</translation>
    </message>
    <message>
        <source>accepted on {0}</source>
        <translation>{0} 验收</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open it in Projects and programmes</source>
        <translation>在“项目与专项”中打开</translation>
    </message>
</context>
<context>
    <name>CaseState</name>
    <message>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Answered on the spot</source>
        <translation>当场答复</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>已交办</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Answered back</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
</context>
<context>
    <name>ChainView</name>
    <message>
        <source>A person&apos;s words</source>
        <translation>群众意见</translation>
    </message>
    <message>
        <source>none: from a suggestion</source>
        <translation>无：来自代表建议</translation>
    </message>
    <message>
        <source>Taken up by: {0}</source>
        <translation>领办代表：{0}</translation>
    </message>
    <message>
        <source>the person: {0}</source>
        <translation>群众：{0}</translation>
    </message>
    <message>
        <source>none filed as an activity</source>
        <translation>未作为履职活动登记</translation>
    </message>
    <message>
        <source>A deputy&apos;s suggestion</source>
        <translation>代表建议</translation>
    </message>
    <message>
        <source>applied for {0} yuan, approved {1} yuan</source>
        <translation>申请 {0} 元，核定 {1} 元</translation>
    </message>
    <message>
        <source>Supervised {0}: {1}</source>
        <translation>{0} 督办：{1}</translation>
    </message>
    <message>
        <source>A funded project</source>
        <translation>专项资金项目</translation>
    </message>
    <message>
        <source>accepted on {0}</source>
        <translation>{0} 验收</translation>
    </message>
    <message>
        <source>paid {0} yuan</source>
        <translation>验收金额 {0} 元</translation>
    </message>
    <message>
        <source>not yet accepted</source>
        <translation>尚未验收</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>not yet asked</source>
        <translation>尚未征询</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>At the station</source>
        <translation>来站反映</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>来电反映</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>来信反映</translation>
    </message>
    <message>
        <source>During a visit</source>
        <translation>走访收集</translation>
    </message>
    <message>
        <source>Online or WeChat</source>
        <translation>网络（微信）</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Opinions collected per month</source>
        <translation>每月收集意见建议</translation>
    </message>
    <message>
        <source>Opinions by category</source>
        <translation>意见建议分类</translation>
    </message>
    <message>
        <source>Opinions by state, in workflow order</source>
        <translation>意见建议办理状态（按办理流程）</translation>
    </message>
    <message>
        <source>Replies by outcome class</source>
        <translation>答复结果分类</translation>
    </message>
    <message>
        <source>Counting every deputy&apos;s points…</source>
        <translation>正在计算每位代表的积分…</translation>
    </message>
    <message>
        <source>Deputies by points of the year</source>
        <translation>代表年度积分分布</translation>
    </message>
    <message>
        <source>Highest points of the year (click a deputy for the register)</source>
        <translation>年度积分前十名（点击代表查看积分登记）</translation>
    </message>
    <message>
        <source>No deputy in this scope has points in the year yet.</source>
        <translation>本范围内本年度尚无代表获得积分。</translation>
    </message>
    <message>
        <source>Opinions</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Deputies</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Activity per station</source>
        <translation>各联络站履职情况</translation>
    </message>
    <message>
        <source>Activity per township</source>
        <translation>各乡镇履职情况</translation>
    </message>
    <message>
        <source>{0} (counting…)</source>
        <translation>{0}（统计中…）</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Bad arguments: {0}. Run liaison-desk --help for usage.</source>
        <translation>参数错误：{0}。运行 liaison-desk --help 查看用法。</translation>
    </message>
    <message>
        <source>Liaison Desk: records and ledgers for deputy liaison stations.</source>
        <translation>联络站工作台：人大代表联络站记录与台账管理。</translation>
    </message>
    <message>
        <source>the database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>interface language (pseudo: English stretched, to check layouts)</source>
        <translation>界面语言（pseudo：拉长的英文，用于检查界面布局）</translation>
    </message>
    <message>
        <source>open the window on a fresh demo database</source>
        <translation>新建演示数据库并打开主窗口</translation>
    </message>
    <message>
        <source>the user to sign in as, where the site requires sign-in</source>
        <translation>登录用的用户名（本单位要求登录时）</translation>
    </message>
    <message>
        <source>check that this copy of the program has everything it needs, then exit</source>
        <translation>检查本程序是否完整、能否正常运行，然后退出</translation>
    </message>
    <message>
        <source>bundle files to import in the window</source>
        <translation>在窗口中导入的数据包文件</translation>
    </message>
    <message>
        <source>create a database for a site</source>
        <translation>为本单位创建数据库</translation>
    </message>
    <message>
        <source>the database file to create</source>
        <translation>要创建的数据库文件</translation>
    </message>
    <message>
        <source>the site&apos;s code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <source>the site&apos;s name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>the township&apos;s name</source>
        <translation>所属乡镇名称</translation>
    </message>
    <message>
        <source>fill a new database with demo records</source>
        <translation>新建数据库并填入演示记录</translation>
    </message>
    <message>
        <source>the last day of the demo records (YYYY-MM-DD)</source>
        <translation>演示记录的截止日期（格式：YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>list feedback cases</source>
        <translation>列出意见建议</translation>
    </message>
    <message>
        <source>only cases in this state</source>
        <translation>只列出处于该状态的意见建议</translation>
    </message>
    <message>
        <source>only cases past their reply deadline</source>
        <translation>只列出已超过答复期限的意见建议</translation>
    </message>
    <message>
        <source>print JSON (docs/cases-json.md)</source>
        <translation>以 JSON 格式输出（见 docs/cases-json.md）</translation>
    </message>
    <message>
        <source>the annual points register</source>
        <translation>年度履职积分登记表</translation>
    </message>
    <message>
        <source>the year, e.g. 2025</source>
        <translation>年度，如 2025</translation>
    </message>
    <message>
        <source>a deputy&apos;s name or id (default: the ranking)</source>
        <translation>代表姓名或标识（不填则列出排名）</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>以 JSON 格式输出</translation>
    </message>
    <message>
        <source>candidates for 履职之星 in each township</source>
        <translation>各乡镇“代表履职之星”候选人</translation>
    </message>
    <message>
        <source>candidates per township</source>
        <translation>每个乡镇的候选人数</translation>
    </message>
    <message>
        <source>at least this many different items earning points</source>
        <translation>至少在这么多个积分项目上得分</translation>
    </message>
    <message>
        <source>check a database&apos;s schema and integrity</source>
        <translation>检查数据库结构及完整性</translation>
    </message>
    <message>
        <source>the database file to check</source>
        <translation>要检查的数据库文件</translation>
    </message>
    <message>
        <source>townships {0}</source>
        <translation>乡镇 {0} 个</translation>
    </message>
    <message>
        <source>stations {0}</source>
        <translation>联络站 {0} 个</translation>
    </message>
    <message>
        <source>deputies {0}</source>
        <translation>代表 {0} 名</translation>
    </message>
    <message>
        <source>duty days {0}</source>
        <translation>进站履职 {0} 批次</translation>
    </message>
    <message>
        <source>visits {0}</source>
        <translation>走访 {0} 次</translation>
    </message>
    <message>
        <source>feedback cases {0}</source>
        <translation>意见建议 {0} 件</translation>
    </message>
    <message>
        <source>activities {0}</source>
        <translation>履职活动 {0} 次</translation>
    </message>
    <message>
        <source>The database file does not exist: {0}</source>
        <translation>数据库文件不存在：{0}</translation>
    </message>
    <message>
        <source>Cannot use the database server {0}: {1}</source>
        <translation>无法使用数据库服务器 {0}：{1}</translation>
    </message>
    <message>
        <source>The database {0} was written by a newer version of Liaison Desk.</source>
        <translation>数据库 {0} 由更高版本的联络站工作台写入，请安装新版本后再使用。</translation>
    </message>
    <message>
        <source>This database requires sign-in: give --user NAME (the password is asked, or read from the environment variable {0}).</source>
        <translation>本数据库要求登录：请用 --user 用户名 指定用户（密码会在运行时询问，或从环境变量 {0} 读取）。</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>The database already belongs to a site; choose an empty one: {0}</source>
        <translation>该数据库已属于某个单位，请选择一个空数据库：{0}</translation>
    </message>
    <message>
        <source>The file already exists; choose a new file: {0}</source>
        <translation>文件已存在，请另选新文件：{0}</translation>
    </message>
    <message>
        <source>verify, list or export the audit log</source>
        <translation>核验、列出或导出审计日志</translation>
    </message>
    <message>
        <source>check that no row was changed or removed</source>
        <translation>检查是否有记录被改动或删除</translation>
    </message>
    <message>
        <source>print the rows, newest first</source>
        <translation>列出记录，最新的在前</translation>
    </message>
    <message>
        <source>write the rows to an .xlsx or .csv file</source>
        <translation>将记录写入 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>rows to list (default: 50; 0: all)</source>
        <translation>列出的条数（默认 50；0 表示全部）</translation>
    </message>
    <message>
        <source>only rows of this kind</source>
        <translation>只列出这一类操作的记录</translation>
    </message>
    <message>
        <source>The audit log holds: {0} rows checked, last hash {1}</source>
        <translation>审计日志完好：已核验 {0} 条记录，最后一条的哈希值 {1}</translation>
    </message>
    <message>
        <source>The audit log is broken at row {0} ({1}): it was changed outside the program. {2} rows before it hold.</source>
        <translation>审计日志在第 {0} 条（{1}）处断开：该记录在程序之外被改动过。此前的 {2} 条记录完好。</translation>
    </message>
    <message>
        <source>The output file must end in .xlsx or .csv: {0}</source>
        <translation>输出文件的扩展名必须是 .xlsx 或 .csv：{0}</translation>
    </message>
    <message>
        <source>The folder does not exist: {0}</source>
        <translation>文件夹不存在：{0}</translation>
    </message>
    <message>
        <source>--limit must be 0 or more: {0}</source>
        <translation>--limit 必须大于或等于 0：{0}</translation>
    </message>
    <message>
        <source>A station or township centre needs --township.</source>
        <translation>代表联络站或乡镇人大代表履职活动中心须指定 --township。</translation>
    </message>
    <message>
        <source>Created {0} for {1} ({2}).</source>
        <translation>已为{1}（{2}）创建 {0}。</translation>
    </message>
    <message>
        <source>--years must be between 1 and 20.</source>
        <translation>--years 须在 1 至 20 之间。</translation>
    </message>
    <message>
        <source>Demo database written: {0}</source>
        <translation>演示数据库已生成：{0}</translation>
    </message>
    <message>
        <source>Not a Liaison Desk database: {0}</source>
        <translation>不是联络站工作台数据库：{0}</translation>
    </message>
    <message>
        <source>Schema revision: {0} (this program: {1})</source>
        <translation>数据库结构版本：{0}（本程序：{1}）</translation>
    </message>
    <message>
        <source>Integrity check: the database is damaged ({0})</source>
        <translation>完整性检查：数据库已损坏（{0}）</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Integrity check: {0}</source>
        <translation>完整性检查：{0}</translation>
    </message>
    <message>
        <source>{0} case(s)</source>
        <translation>共 {0} 件</translation>
    </message>
    <message>
        <source>Bad input: {0}</source>
        <translation>输入有误：{0}</translation>
    </message>
    <message>
        <source>No deputy called {0}.</source>
        <translation>没有名为 {0} 的代表。</translation>
    </message>
    <message>
        <source>{0} names several deputies.</source>
        <translation>有多名代表叫 {0}，请改用代表标识。</translation>
    </message>
    <message>
        <source>{0}: {1} points in {2}</source>
        <translation>{0}：{2} 年度积分 {1} 分</translation>
    </message>
    <message>
        <source>print a ledger as PDF or workbook</source>
        <translation>将台账打印为 PDF 或导出为工作簿</translation>
    </message>
    <message>
        <source>1-12: that month only (default: the whole year)</source>
        <translation>1–12：只打印该月（默认：全年）</translation>
    </message>
    <message>
        <source>a station&apos;s code (default: all)</source>
        <translation>联络站编码（默认：全部）</translation>
    </message>
    <message>
        <source>a file whose first line is the passphrase (default: ask for it; never give it on the command line)</source>
        <translation>第一行为口令的文件（默认：运行时询问；切勿在命令行中直接给出口令）</translation>
    </message>
    <message>
        <source>back up a database into its backups folder, or encrypted to a file</source>
        <translation>备份数据库到其备份文件夹，或加密备份到一个文件</translation>
    </message>
    <message>
        <source>write an encrypted backup (.ldbackup) to this file or folder</source>
        <translation>将加密备份（.ldbackup）写入此文件或文件夹</translation>
    </message>
    <message>
        <source>replace a database with a backup (the current one is set aside)</source>
        <translation>用备份替换数据库（当前数据库会另行保留）</translation>
    </message>
    <message>
        <source>the database file to replace</source>
        <translation>要替换的数据库文件</translation>
    </message>
    <message>
        <source>the backup: a file from the backups folder, or an encrypted .ldbackup</source>
        <translation>备份：备份文件夹中的文件，或加密的 .ldbackup 文件</translation>
    </message>
    <message>
        <source>Encrypted backup written and checked: {0}</source>
        <translation>加密备份已写入并核对：{0}</translation>
    </message>
    <message>
        <source>A database on a server is restored from the server&apos;s own backups.</source>
        <translation>服务器上的数据库须用服务器自身的备份恢复。</translation>
    </message>
    <message>
        <source>The backup file does not exist: {0}</source>
        <translation>备份文件不存在：{0}</translation>
    </message>
    <message>
        <source>Restored {0} from {1}, a backup of {2}: {3}</source>
        <translation>已用 {1}（{2} 的备份）恢复 {0}：{3}</translation>
    </message>
    <message>
        <source>The database before it was set aside as {0}</source>
        <translation>恢复前的数据库已另存为 {0}</translation>
    </message>
    <message>
        <source>county office: enroll a station or township centre, write its enrollment file</source>
        <translation>县人大常委会代表工委：登记联络站或乡镇中心，生成其登记文件</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <source>set a station&apos;s database up from its enrollment file</source>
        <translation>用登记文件建立联络站的数据库</translation>
    </message>
    <message>
        <source>the database file (created if absent)</source>
        <translation>数据库文件（不存在时新建）</translation>
    </message>
    <message>
        <source>the enrollment file from the county office</source>
        <translation>县里发来的登记文件</translation>
    </message>
    <message>
        <source>The passphrase file cannot be read: {0}</source>
        <translation>无法读取口令文件：{0}</translation>
    </message>
    <message>
        <source>Passphrase: </source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>The passphrase again: </source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was written.</source>
        <translation>两次输入的口令不一致，未写入任何内容。</translation>
    </message>
    <message>
        <source>No passphrase was given; nothing was written.</source>
        <translation>没有输入口令，未写入任何内容。</translation>
    </message>
    <message>
        <source>Wrote {0}: the enrollment file of {1} ({2}), key generation {3}.</source>
        <translation>已生成 {0}：{1}（{2}）的登记文件，第 {3} 代密钥。</translation>
    </message>
    <message>
        <source>Key fingerprint of {0}: {1}</source>
        <translation>{0} 的密钥指纹：{1}</translation>
    </message>
    <message>
        <source>The enrollment file does not exist: {0}</source>
        <translation>登记文件不存在：{0}</translation>
    </message>
    <message>
        <source>{0} is now the database of {1} ({2}).</source>
        <translation>{0} 现在是 {1}（{2}）的数据库。</translation>
    </message>
    <message>
        <source>County office: {0}, key fingerprint {1}. Compare it with the county office over the phone.</source>
        <translation>县人大常委会代表工委：{0}，密钥指纹 {1}。请与县里电话核对。</translation>
    </message>
    <message>
        <source>default: from --out</source>
        <translation>默认：按 --out 的扩展名</translation>
    </message>
    <message>
        <source>sign-in: the duty day (YYYY-MM-DD)</source>
        <translation>签到表：接待日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>order of people</source>
        <translation>人员排序</translation>
    </message>
    <message>
        <source>print phone and ID numbers in full</source>
        <translation>完整打印电话号码和身份证号</translation>
    </message>
    <message>
        <source>write an empty import template</source>
        <translation>生成空白导入模板</translation>
    </message>
    <message>
        <source>import records from a workbook</source>
        <translation>从工作簿导入记录</translation>
    </message>
    <message>
        <source>the workbook (.xlsx, .xls)</source>
        <translation>工作簿（.xlsx、.xls）</translation>
    </message>
    <message>
        <source>check and report, write nothing</source>
        <translation>只检查并报告，不写入</translation>
    </message>
    <message>
        <source>import the good rows even if some rows are rejected</source>
        <translation>即使部分行有问题，也导入其余正确的行</translation>
    </message>
    <message>
        <source>The output file must end in .pdf or .xlsx: {0}</source>
        <translation>输出文件的扩展名必须是 .pdf 或 .xlsx：{0}</translation>
    </message>
    <message>
        <source>--format {0} does not match the file name {1}</source>
        <translation>--format {0} 与文件名 {1} 不一致</translation>
    </message>
    <message>
        <source>Wrote {0} ({1} pages)</source>
        <translation>已生成 {0}（共 {1} 页）</translation>
    </message>
    <message>
        <source>Characters the font lacks, printed as codes: {0}</source>
        <translation>字体缺少以下字符，已印为编码：{0}</translation>
    </message>
    <message>
        <source>Wrote {0} ({1} rows)</source>
        <translation>已生成 {0}（共 {1} 行）</translation>
    </message>
    <message>
        <source>A template is an .xlsx workbook: {0}</source>
        <translation>模板必须是 .xlsx 工作簿：{0}</translation>
    </message>
    <message>
        <source>Wrote {0}</source>
        <translation>已生成 {0}</translation>
    </message>
    <message>
        <source>The workbook does not exist: {0}</source>
        <translation>工作簿不存在：{0}</translation>
    </message>
    <message>
        <source>{0}: {1} new, {2} updated, {3} unchanged, {4} rejected</source>
        <translation>{0}：新增 {1} 条，更新 {2} 条，不变 {3} 条，有问题 {4} 条</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>提示：{0}</translation>
    </message>
    <message>
        <source>row {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>仅检查：未写入任何数据。</translation>
    </message>
    <message>
        <source>Nothing was written: correct the rejected rows, or use --skip-rejected.</source>
        <translation>未写入任何数据：请改正有问题的行，或使用 --skip-rejected 跳过它们。</translation>
    </message>
    <message>
        <source>Imported: {0} new, {1} updated.</source>
        <translation>导入完成：新增 {0} 条，更新 {1} 条。</translation>
    </message>
    <message>
        <source>write the bundles of changes since the last ones</source>
        <translation>写出自上次以来有变动的数据包</translation>
    </message>
    <message>
        <source>the folder to write into</source>
        <translation>写入的文件夹</translation>
    </message>
    <message>
        <source>the recipient&apos;s code, or all (a station&apos;s recipient is the county office)</source>
        <translation>接收方编码，或 all（联络站的接收方是县人大常委会）</translation>
    </message>
    <message>
        <source>import bundles: the plan, then the result</source>
        <translation>导入数据包：先列出导入计划，再给出结果</translation>
    </message>
    <message>
        <source>the bundle files</source>
        <translation>数据包文件</translation>
    </message>
    <message>
        <source>show the plan only; nothing is written</source>
        <translation>只列出导入计划，不写入任何内容</translation>
    </message>
    <message>
        <source>The file does not exist: {0}</source>
        <translation>文件不存在：{0}</translation>
    </message>
    <message>
        <source>{0}: nothing has changed since the last bundle.</source>
        <translation>{0}：自上次数据包以来没有任何变动，未生成新数据包。</translation>
    </message>
    <message>
        <source>Wrote {0}: bundle {1} to {2}, {3} records, checked after writing.</source>
        <translation>已写出 {0}：发往{2}的第 {1} 号数据包，共 {3} 条记录，写入后已回读核对。</translation>
    </message>
    <message>
        <source>{0}: bundle {1} from {2}</source>
        <translation>{0}：{2}第 {1} 号数据包</translation>
    </message>
    <message>
        <source>Already imported; nothing was changed.</source>
        <translation>已导入，没有任何改动。</translation>
    </message>
    <message>
        <source>  {0}: {1} new, {2} updated, {3} unchanged, {4} conflicts, {5} rejected, {6} waiting</source>
        <translation>  {0}：新增 {1}，更新 {2}，未变 {3}，冲突 {4}，拒收 {5}，待补 {6}</translation>
    </message>
    <message>
        <source>  rejected: {0} {1}: {2}</source>
        <translation>  拒收：{0} {1}：{2}</translation>
    </message>
    <message>
        <source>Bundle {0} from {1} is missing.</source>
        <translation>缺少{1}第 {0} 号数据包。</translation>
    </message>
    <message>
        <source>{0} of our bundles confirmed as received.</source>
        <translation>对方确认已收到本处 {0} 个数据包。</translation>
    </message>
    <message>
        <source>Plan only: nothing was written.</source>
        <translation>仅为导入计划，未写入任何内容。</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <source>the county&apos;s annual report</source>
        <translation>县里的年度报告</translation>
    </message>
    <message>
        <source>the day overdue cases and silent stations are judged on (default: today)</source>
        <translation>判断逾期和沉默站点所依据的日期（默认今天）</translation>
    </message>
    <message>
        <source>The output file must end in .json, .pdf or .xlsx: {0}</source>
        <translation>输出文件须以 .json、.pdf 或 .xlsx 结尾：{0}</translation>
    </message>
    <message>
        <source>The year must be between 2000 and 2100: {0}</source>
        <translation>年度须在 2000 至 2100 之间：{0}</translation>
    </message>
    <message>
        <source>Wrote {0} ({1} stations)</source>
        <translation>已生成 {0}（{1} 个联络站）</translation>
    </message>
    <message>
        <source>schema revision {0}</source>
        <translation>数据库结构版本 {0}</translation>
    </message>
    <message>
        <source>1 station, 1 deputy, 1 case</source>
        <translation>1 个联络站、1 名代表、1 条意见建议</translation>
    </message>
    <message>
        <source>1 page, {0} KB</source>
        <translation>1 页，{0} KB</translation>
    </message>
    <message>
        <source>{0} rows written and read back</source>
        <translation>写出并读回 {0} 行</translation>
    </message>
    <message>
        <source>{0} signed and encrypted bundles taken in by the county</source>
        <translation>县里已导入 {0} 个签名加密的数据包</translation>
    </message>
    <message>
        <source>{0}×{1} px on the Qt platform “{2}”</source>
        <translation>{0}×{1} 像素，Qt 平台「{2}」</translation>
    </message>
    <message>
        <source>the built program</source>
        <translation>打包后的程序</translation>
    </message>
    <message>
        <source>from the source</source>
        <translation>源代码运行</translation>
    </message>
    <message>
        <source>Liaison Desk {0} self-test ({1})</source>
        <translation>联络站工作台 {0} 自检（{1}）</translation>
    </message>
    <message>
        <source>open and migrate a database</source>
        <translation>打开并升级数据库</translation>
    </message>
    <message>
        <source>load the translations</source>
        <translation>加载界面翻译</translation>
    </message>
    <message>
        <source>enrol a station and record a case</source>
        <translation>登记一个联络站并录入一件意见建议</translation>
    </message>
    <message>
        <source>render a one-page ledger PDF</source>
        <translation>生成一页台账 PDF</translation>
    </message>
    <message>
        <source>show the PDF in the print preview</source>
        <translation>在打印预览中显示 PDF</translation>
    </message>
    <message>
        <source>write and re-read a workbook</source>
        <translation>写出并重新读取 Excel 工作簿</translation>
    </message>
    <message>
        <source>round-trip a signed and encrypted bundle</source>
        <translation>写出并读回一个签名加密的数据包</translation>
    </message>
    <message>
        <source>draw the main window</source>
        <translation>绘制主窗口</translation>
    </message>
    <message>
        <source>all steps passed</source>
        <translation>全部步骤通过</translation>
    </message>
    <message>
        <source>{0} steps failed</source>
        <translation>{0} 个步骤未通过</translation>
    </message>
    <message>
        <source>not a whole number: {0}</source>
        <translation>不是整数：{0}</translation>
    </message>
    <message>
        <source>not a date written YYYY-MM-DD: {0}</source>
        <translation>不是 YYYY-MM-DD 格式的日期：{0}</translation>
    </message>
</context>
<context>
    <name>ClockBanner</name>
    <message>
        <source>This computer&apos;s date is {0}, earlier than {1} (this program was built, or this database was last used, after it). The computer&apos;s clock is probably wrong: correct the date and time in Windows before you record anything, or dates and deadlines will be wrong.</source>
        <translation>本机日期为 {0}，早于 {1}（本程序生成于此日期之后，或本数据库在此日期之后还使用过）。电脑时钟可能不准：请先改正电脑的日期和时间，再登记任何内容，否则日期和期限都会出错。</translation>
    </message>
    <message>
        <source>This computer&apos;s date is {0}, more than a year after this database was last used ({1}). If that is not right, correct the date and time in Windows before you record anything, or dates and deadlines will be wrong.</source>
        <translation>本机日期为 {0}，距本数据库最近一次使用（{1}）已超过一年。如果日期不对，请先改正电脑的日期和时间，再登记任何内容，否则日期和期限都会出错。</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>由谁建立</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Unexcused</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加代表</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Kind of site</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Key generation</source>
        <translation>密钥代数</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥状态</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>代表层级</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>所属联络站</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Points this year</source>
        <translation>本年积分</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>名册状态</translation>
    </message>
    <message>
        <source>Deputies on duty</source>
        <translation>进站代表</translation>
    </message>
    <message>
        <source>People received</source>
        <translation>接待人数</translation>
    </message>
    <message>
        <source>Opinions formed</source>
        <translation>形成书面意见</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <source>Opinions collected</source>
        <translation>收集意见建议</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>反映人</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>所在村（社区）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>State</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>反映内容</translation>
    </message>
    <message>
        <source>Deputy</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Times or half days</source>
        <translation>次数或半天数</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Q1</source>
        <translation>一季度</translation>
    </message>
    <message>
        <source>Q2</source>
        <translation>二季度</translation>
    </message>
    <message>
        <source>Q3</source>
        <translation>三季度</translation>
    </message>
    <message>
        <source>Q4</source>
        <translation>四季度</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发送方</translation>
    </message>
    <message>
        <source>Bundle no.</source>
        <translation>数据包编号</translation>
    </message>
    <message>
        <source>Written (sender&apos;s clock)</source>
        <translation>写出时间（发送方电脑）</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待补</translation>
    </message>
    <message>
        <source>Records taken</source>
        <translation>接收记录数</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本处</translation>
    </message>
    <message>
        <source>In their copy</source>
        <translation>对方副本</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Deputies</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Duty days</source>
        <translation>进站接待</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>履职活动</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>隔离时间</translation>
    </message>
    <message>
        <source>To</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写出时间</translation>
    </message>
    <message>
        <source>Received there</source>
        <translation>对方已收到</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>写出份数</translation>
    </message>
    <message>
        <source>Days silent</source>
        <translation>沉默天数</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <source>Site code</source>
        <translation>站点代码</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>Completeness</name>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺报</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Not expected</source>
        <translation>不需报送</translation>
    </message>
    <message>
        <source>✓ledger</source>
        <translation>✓台账</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <source>Reporting rate</source>
        <translation>报送率</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>按时率</translation>
    </message>
    <message>
        <source>Ledgers printed</source>
        <translation>已印台账</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <source>Days silent</source>
        <translation>沉默天数</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>报送率</translation>
    </message>
    <message>
        <source>On-time</source>
        <translation>按时率</translation>
    </message>
    <message>
        <source>Ledgers</source>
        <translation>已印台账</translation>
    </message>
    <message>
        <source>Not due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不需报送</translation>
    </message>
    <message>
        <source>{0}, month {1}: {2}; bundles received: {3}</source>
        <translation>{0}，{1}月：{2}；收到数据包 {3} 个</translation>
    </message>
    <message>
        <source>The month&apos;s ledgers were printed.</source>
        <translation>本月台账已打印。</translation>
    </message>
    <message>
        <source>{0}: the month&apos;s ledgers printed</source>
        <translation>{0}：本月台账已打印</translation>
    </message>
    <message>
        <source>Silent for more than</source>
        <translation>沉默超过</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>{0}: bundles expected from {1} enrolled stations, as of {2}. A month&apos;s bundle is on time when the county has it by day {3} of the next month.</source>
        <translation>{0}年：已登记的 {1} 个联络站应报送的数据包，统计截至 {2}。次月 {3} 日前县里收到当月数据包即为按时报送。</translation>
    </message>
    <message>
        <source>Silent stations: {0}</source>
        <translation>沉默的联络站：{0} 个</translation>
    </message>
</context>
<context>
    <name>ContactKind</name>
    <message>
        <source>Legislative contact point</source>
        <translation>基层立法联系点</translation>
    </message>
    <message>
        <source>Liaison officer</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Informant</source>
        <translation>信息员</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Duty-day batches</source>
        <translation>进站履职活动批次</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访次数</translation>
    </message>
    <message>
        <source>Opinions collected</source>
        <translation>收集意见建议</translation>
    </message>
    <message>
        <source>Deputy activities</source>
        <translation>代表履职活动</translation>
    </message>
    <message>
        <source>Deputies on duty (person-times)</source>
        <translation>代表进站人次</translation>
    </message>
    <message>
        <source>People received</source>
        <translation>接待群众人次</translation>
    </message>
    <message>
        <source>Written opinions formed</source>
        <translation>形成书面意见</translation>
    </message>
    <message>
        <source>Deputies visited (person-times)</source>
        <translation>走访代表人次</translation>
    </message>
    <message>
        <source>Passed on to departments</source>
        <translation>转交有关部门</translation>
    </message>
    <message>
        <source>Replied on time</source>
        <translation>按期答复率</translation>
    </message>
    <message>
        <source>Satisfied at the first answer</source>
        <translation>首次反馈满意率</translation>
    </message>
    <message>
        <source>Overdue without a reply</source>
        <translation>超期未答复</translation>
    </message>
    <message>
        <source>Deputies in activities (person-times)</source>
        <translation>代表参加履职活动人次</translation>
    </message>
    <message>
        <source>Show these records</source>
        <translation>查看这些记录</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Annual report…</source>
        <translation>年度报告…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>统计数字</translation>
    </message>
    <message>
        <source>Reporting completeness</source>
        <translation>报送完整性</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>As of {0}</source>
        <translation>统计截至 {0}</translation>
    </message>
    <message>
        <source>Counted in {0} seconds</source>
        <translation>用时 {0} 秒</translation>
    </message>
    <message>
        <source>Counting every deputy&apos;s points…</source>
        <translation>正在计算每位代表的积分…</translation>
    </message>
    <message>
        <source>The figures could not be counted: {0}</source>
        <translation>无法完成统计：{0}</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>{0}, {1}: as of {2}</source>
        <translation>{0}年 {1}：统计截至 {2}</translation>
    </message>
    <message>
        <source>Whole county</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>Whole county ({0})</source>
        <translation>全县（{0}）</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>{month} {day}, {year}</source>
        <translation>{year}年{month}{day}日</translation>
    </message>
</context>
<context>
    <name>DeadlineState</name>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>未到期</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Setting up the site</source>
        <translation>正在设置单位</translation>
    </message>
    <message>
        <source>Townships, stations and departments</source>
        <translation>乡镇、联络站和承办单位</translation>
    </message>
    <message>
        <source>Deputies</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Duty days and visits</source>
        <translation>进站履职活动和走访</translation>
    </message>
    <message>
        <source>Feedback cases</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Deputy activities</source>
        <translation>代表履职活动</translation>
    </message>
    <message>
        <source>Bundles received and ledgers printed</source>
        <translation>已收数据包和已打印台账</translation>
    </message>
    <message>
        <source>Projects, fund, drafts, training, legal service</source>
        <translation>项目、专项资金、立法征求意见、培训、“三官”活动</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <source>Edit department</source>
        <translation>修改承办单位</translation>
    </message>
    <message>
        <source>Add a department</source>
        <translation>添加承办单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>e.g. County Transport Bureau</source>
        <translation>例如：县交通运输局</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>单位类别</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>所属乡镇</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <source>Leave empty to have one made</source>
        <translation>可留空，由程序生成</translation>
    </message>
</context>
<context>
    <name>DepartmentLevel</name>
    <message>
        <source>County department</source>
        <translation>县直部门</translation>
    </message>
    <message>
        <source>Township government</source>
        <translation>乡镇人民政府</translation>
    </message>
</context>
<context>
    <name>DepartmentsDialog</name>
    <message>
        <source>Another site</source>
        <translation>其他单位</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Cases are referred to these departments. Those the county office adds reach every station with its bundles; a station&apos;s own go to the county with its next bundle. Only the site that added a department may change or remove it.</source>
        <translation>意见建议交办给以下承办单位。县人大常委会代表工委添加的单位随数据包发往各联络站；联络站自行添加的单位随下一个数据包报送县里。只有添加该单位的一方可以修改或删除它。</translation>
    </message>
    <message>
        <source>No department yet: add the county bureaus and township governments that cases are referred to.</source>
        <translation>还没有承办单位：请添加意见建议要交办的县直部门和乡镇人民政府。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The database is open read-only.</source>
        <translation>数据库以只读方式打开。</translation>
    </message>
    <message>
        <source>Remove a department</source>
        <translation>删除承办单位</translation>
    </message>
    <message>
        <source>Remove “{0}” from the list of departments?</source>
        <translation>要从承办单位列表中删除“{0}”吗？</translation>
    </message>
</context>
<context>
    <name>DeputiesTab</name>
    <message>
        <source>County</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇级</translation>
    </message>
    <message>
        <source>By surname strokes</source>
        <translation>按姓氏笔画排序</translation>
    </message>
    <message>
        <source>By pinyin</source>
        <translation>按拼音排序</translation>
    </message>
    <message>
        <source>Confirm into roster</source>
        <translation>确认入册</translation>
    </message>
    <message>
        <source>Same person as…</source>
        <translation>并入已有代表…</translation>
    </message>
    <message>
        <source>Year at a glance</source>
        <translation>本年履职情况</translation>
    </message>
</context>
<context>
    <name>DeputyDialog</name>
    <message>
        <source>Han</source>
        <translation>汉族</translation>
    </message>
    <message>
        <source>Zhuang</source>
        <translation>壮族</translation>
    </message>
    <message>
        <source>Yao</source>
        <translation>瑶族</translation>
    </message>
    <message>
        <source>Miao</source>
        <translation>苗族</translation>
    </message>
    <message>
        <source>Dong</source>
        <translation>侗族</translation>
    </message>
    <message>
        <source>Hui</source>
        <translation>回族</translation>
    </message>
    <message>
        <source>Tujia</source>
        <translation>土家族</translation>
    </message>
    <message>
        <source>Mulao</source>
        <translation>仫佬族</translation>
    </message>
    <message>
        <source>Maonan</source>
        <translation>毛南族</translation>
    </message>
    <message>
        <source>Edit deputy</source>
        <translation>修改代表信息</translation>
    </message>
    <message>
        <source>Add deputy</source>
        <translation>新增代表</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>County deputy</source>
        <translation>县人大代表</translation>
    </message>
    <message>
        <source>Township deputy</source>
        <translation>乡镇人大代表</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>代表层级</translation>
    </message>
    <message>
        <source>Constituency</source>
        <translation>选区</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Workplace</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>届别</translation>
    </message>
    <message>
        <source>Home carries a deputy household sign</source>
        <translation>住所已悬挂“人大代表户”标牌</translation>
    </message>
    <message>
        <source>Household sign</source>
        <translation>人大代表户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>代表状态</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>所属联络站</translation>
    </message>
</context>
<context>
    <name>DeputyPicker</name>
    <message>
        <source>Type a name or pinyin initials, e.g. zxm</source>
        <translation>输入姓名或拼音首字母，如 zxm</translation>
    </message>
    <message>
        <source>No one chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>已选：%1</translation>
    </message>
</context>
<context>
    <name>DeputyStatus</name>
    <message>
        <source>Serving</source>
        <translation>在任</translation>
    </message>
    <message>
        <source>Term ended</source>
        <translation>任期届满</translation>
    </message>
    <message>
        <source>Resigned or removed</source>
        <translation>辞职或罢免</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>去世</translation>
    </message>
</context>
<context>
    <name>DisputeKind</name>
    <message>
        <source>Wrong</source>
        <translation>记录有误（错）</translation>
    </message>
    <message>
        <source>Counted twice</source>
        <translation>重复计分（重）</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>漏记（漏）</translation>
    </message>
</context>
<context>
    <name>DisputesDialog</name>
    <message>
        <source>Disputes of {0}</source>
        <translation>{0} 年度积分异议</translation>
    </message>
    <message>
        <source>Deputy</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>积分项目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>异议类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>处理状态</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整分值</translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation>采纳…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>不予采纳…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>不予采纳</translation>
    </message>
    <message>
        <source>Choose an open dispute.</source>
        <translation>请选择一条待处理的异议。</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Points to add (negative to take away):</source>
        <translation>调整分值（扣分填负数）：</translation>
    </message>
    <message>
        <source>Enter a number, such as 1 or -0.5.</source>
        <translation>请输入数字，如 1 或 -0.5。</translation>
    </message>
    <message>
        <source>Settle</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理意见</translation>
    </message>
</context>
<context>
    <name>DraftsSection</name>
    <message>
        <source>Comments on this draft</source>
        <translation>本草案的意见建议</translation>
    </message>
    <message>
        <source>Add a comment…</source>
        <translation>新增意见…</translation>
    </message>
</context>
<context>
    <name>DutyDayDialog</name>
    <message>
        <source>Edit duty day</source>
        <translation>修改进站履职活动</translation>
    </message>
    <message>
        <source>Record a duty day</source>
        <translation>登记进站履职活动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>活动日期</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>所属联络站</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Deputies on duty</source>
        <translation>进站代表</translation>
    </message>
    <message>
        <source>People received</source>
        <translation>接待群众人数</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
</context>
<context>
    <name>DutyKind</name>
    <message>
        <source>Regular reception</source>
        <translation>日常接待</translation>
    </message>
    <message>
        <source>Themed activity</source>
        <translation>主题活动</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>视察调研</translation>
    </message>
    <message>
        <source>Legal-service day</source>
        <translation>法律服务日</translation>
    </message>
</context>
<context>
    <name>DutyTab</name>
    <message>
        <source>Duty days</source>
        <translation>进站履职活动</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
</context>
<context>
    <name>EnrolActions</name>
    <message>
        <source>Enrollment files (*.ldenrol);;All files (*)</source>
        <translation>登记文件 (*.ldenrol);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Key escrow files (*.ldescrow);;All files (*)</source>
        <translation>密钥托管文件 (*.ldescrow);;所有文件 (*)</translation>
    </message>
    <message>
        <source>E&amp;nroll a station or township centre…</source>
        <translation>登记联络站或乡镇中心(&amp;N)…</translation>
    </message>
    <message>
        <source>Enrolled &amp;sites…</source>
        <translation>已登记站点(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the county&apos;s &amp;keys to an escrow file…</source>
        <translation>将县里的密钥保存到托管文件(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Restore the county&apos;s keys from an escrow file…</source>
        <translation>从托管文件恢复县里的密钥(&amp;R)…</translation>
    </message>
    <message>
        <source>Use a &amp;new enrollment file from the county office…</source>
        <translation>使用县里发来的新登记文件(&amp;N)…</translation>
    </message>
    <message>
        <source>Passphrase for the file (at least 8 characters):</source>
        <translation>文件口令（至少 8 个字符）：</translation>
    </message>
    <message>
        <source>The same passphrase again:</source>
        <translation>再次输入同一口令：</translation>
    </message>
    <message>
        <source>The two passphrases differ. Nothing was written.</source>
        <translation>两次输入的口令不一致，未写入任何内容。</translation>
    </message>
    <message>
        <source>{0} ({1}) is enrolled, but its enrollment file was not written: {2}

Revoke its keys under “Enrolled sites…” and re-enroll it to write a new file.</source>
        <translation>{0}（{1}）已经登记，但其登记文件未能写入：{2}

请在“已登记站点…”中吊销其密钥，再重新登记，以写出新的登记文件。</translation>
    </message>
    <message>
        <source>The enrollment file of {0} ({1}) was written to {2}.

Key fingerprint of {0} (key generation {3}): {4}

Give the file to the clerk of {0}, and tell them the passphrase separately: by phone or in person, never with the file. When the clerk has used the file, the fingerprint they read to you must be the same.</source>
        <translation>{0}（{1}）的登记文件已写入 {2}。

{0} 的密钥指纹（第 {3} 代密钥）：{4}

请把文件交给{0}的工作人员，并另行告知口令：通过电话或当面告知，切勿与文件放在一起。工作人员使用文件后向您读出的指纹必须与此相同。</translation>
    </message>
    <message>
        <source>Enroll a site</source>
        <translation>登记站点</translation>
    </message>
    <message>
        <source>Enrolled sites</source>
        <translation>已登记站点</translation>
    </message>
    <message>
        <source>Revoke keys</source>
        <translation>吊销密钥</translation>
    </message>
    <message>
        <source>Revoke the keys of {0} ({1})?

From now on every bundle from {0} is refused, until it is re-enrolled and uses its new enrollment file. Do this when its computer or USB stick was lost, or its passphrase became known.</source>
        <translation>吊销{0}（{1}）的密钥吗？

从现在起，{0}发来的数据包一律拒收，直到它重新登记并使用新的登记文件为止。请在其电脑或 U 盘丢失、或口令泄露时这样做。</translation>
    </message>
    <message>
        <source>The keys of {0} ({1}) were revoked. Re-enroll it to give it new keys.</source>
        <translation>{0}（{1}）的密钥已吊销。请重新登记以发放新密钥。</translation>
    </message>
    <message>
        <source>Re-enroll a site</source>
        <translation>重新登记站点</translation>
    </message>
    <message>
        <source>Save the county&apos;s keys</source>
        <translation>保存县里的密钥</translation>
    </message>
    <message>
        <source>The escrow file holds the county office&apos;s private keys. With the file and its passphrase, the keys can be put back on a new computer; in the wrong hands, they let anyone write bundles as the county office.

Keep the file on a USB stick in the safe, and the passphrase written down apart from it. Continue?</source>
        <translation>托管文件中存有县人大常委会代表工委的私钥。凭这份文件及其口令，可以在新电脑上恢复这些密钥；一旦落入他人之手，任何人都能以县代表工委的名义制作数据包。

请把文件存在 U 盘里锁进保险柜，口令另行书面记录、分开保管。是否继续？</translation>
    </message>
    <message>
        <source>county keys {0}</source>
        <translation>县密钥-{0}</translation>
    </message>
    <message>
        <source>The county office&apos;s keys were saved to {0}.

Key fingerprint: {1}

Note the fingerprint with the passphrase: a restored file must show the same.</source>
        <translation>县代表工委的密钥已保存到 {0}。

密钥指纹：{1}

请把指纹和口令一起记下：将来恢复时显示的指纹必须与此相同。</translation>
    </message>
    <message>
        <source>Restore the county&apos;s keys</source>
        <translation>恢复县里的密钥</translation>
    </message>
    <message>
        <source>Restore the county office&apos;s keys from an escrow file? The keys in this database are replaced by those in the file. Do this only on a new computer or when the database lost its keys; the file must come from this county office.</source>
        <translation>要从托管文件恢复县代表工委的密钥吗？本数据库中的密钥将被文件中的密钥替换。只应在新电脑上或数据库丢失密钥时这样做；文件必须来自本县代表工委。</translation>
    </message>
    <message>
        <source>The escrow file&apos;s passphrase:</source>
        <translation>托管文件的口令：</translation>
    </message>
    <message>
        <source>The county office&apos;s keys were restored from {0}.

Key fingerprint: {1}. It must be the one noted when the escrow file was saved.</source>
        <translation>已从 {0} 恢复县代表工委的密钥。

密钥指纹：{1}。它必须与保存托管文件时记下的指纹相同。</translation>
    </message>
    <message>
        <source>Use a new enrollment file</source>
        <translation>使用新的登记文件</translation>
    </message>
    <message>
        <source>The passphrase the county office told you:</source>
        <translation>县里告诉您的口令：</translation>
    </message>
    <message>
        <source>This database already uses the keys of this file: nothing was changed.</source>
        <translation>本数据库已在使用这份文件中的密钥，未做任何更改。</translation>
    </message>
    <message>
        <source>{0} now uses the new keys from the county office.</source>
        <translation>{0}已启用县里发放的新密钥。</translation>
    </message>
    <message>
        <source>{0}

Key fingerprint of {1}: {2}
Key fingerprint of {3}: {4}

Read both fingerprints to the county office over the phone: they must be the ones the county office sees.</source>
        <translation>{0}

{1} 的密钥指纹：{2}
{3} 的密钥指纹：{4}

请打电话向县里读出这两个指纹：它们必须与县里看到的一致。</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enroll a station or township centre</source>
        <translation>登记联络站或乡镇中心</translation>
    </message>
    <message>
        <source>The site gets its own keys in an enrollment file locked with a passphrase. Give the file to the site&apos;s clerk, and tell them the passphrase separately (by phone or in person, never with the file).</source>
        <translation>站点将获得自己的密钥，存放在以口令加密的登记文件中。请把文件交给该站点的工作人员，并另行告知口令（通过电话或当面告知，切勿与文件放在一起）。</translation>
    </message>
    <message>
        <source>Kind of site</source>
        <translation>站点类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <source>e.g. S01</source>
        <translation>例如：S01</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>e.g. Datian Village Deputy Liaison Station, Huangyao Town</source>
        <translation>例如：黄姚镇大田村代表联络站</translation>
    </message>
    <message>
        <source>e.g. Huangyao Town</source>
        <translation>例如：黄姚镇</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>所属乡镇</translation>
    </message>
    <message>
        <source>Enroll and save the file…</source>
        <translation>登记并保存文件…</translation>
    </message>
</context>
<context>
    <name>EnrolledSitesDialog</name>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Enrolled sites</source>
        <translation>已登记站点</translation>
    </message>
    <message>
        <source>Revoke a site&apos;s keys when its computer or USB stick was lost or its passphrase became known: its bundles are refused from then on. Re-enroll it afterwards to write a new enrollment file with new keys.</source>
        <translation>站点的电脑或 U 盘丢失、或口令泄露时，请吊销其密钥：此后它发来的数据包一律拒收。之后再重新登记，即可写出带新密钥的登记文件。</translation>
    </message>
    <message>
        <source>No site has been enrolled yet.</source>
        <translation>还没有登记任何站点。</translation>
    </message>
    <message>
        <source>Revoke keys…</source>
        <translation>吊销密钥…</translation>
    </message>
    <message>
        <source>Re-enroll…</source>
        <translation>重新登记…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Liaison Desk — unexpected error</source>
        <translation>联络站工作台 — 意外错误</translation>
    </message>
    <message>
        <source>An unexpected error stopped this piece of work.</source>
        <translation>发生意外错误，这项工作未能完成。</translation>
    </message>
    <message>
        <source>What was already saved stays saved. The change you were making when it happened was not half-written: every change is saved whole or not at all.</source>
        <translation>已经保存的内容仍然保存着。出错时正在做的修改不会只写入一半：每次修改要么完整保存，要么完全不保存。</translation>
    </message>
    <message>
        <source>What to do: try again. If it happens again, send the log file to the county office&apos;s IT contact, with a note of what you were doing.</source>
        <translation>处理办法：请再试一次。如果再次出现，请把日志文件发给县人大常委会代表工委负责电脑维护的同志，并说明当时在做什么。</translation>
    </message>
    <message>
        <source>The log file ({0}) is in this folder:
{1}</source>
        <translation>日志文件（{0}）在以下文件夹中：
{1}</translation>
    </message>
    <message>
        <source>No log file could be written on this computer: use “Copy the details” and send them instead.</source>
        <translation>本机无法写入日志文件：请点“复制详细信息”，把详细信息发过去。</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Copy the details</source>
        <translation>复制详细信息</translation>
    </message>
    <message numerus="yes">
        <source>%n more error(s) happened while this message was open; see the log.</source>
        <translation>
            <numerusform>此提示打开期间又发生了 %n 个错误，详见日志。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A file could not be read or written ({0}). Nothing was changed.</source>
        <translation>文件无法读取或写入（{0}），未做任何更改。</translation>
    </message>
    <message>
        <source>The work could not be finished and nothing was changed ({0}).</source>
        <translation>操作未能完成，未做任何更改（{0}）。</translation>
    </message>
</context>
<context>
    <name>FeedbackTab</name>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟踪办理</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>待处理冲突</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>{0}; overdue {1}, due soon {2}</source>
        <translation>{0}；超期 {1} 件，即将到期 {2} 件</translation>
    </message>
    <message>
        <source>referral slip</source>
        <translation>交办单</translation>
    </message>
    <message>
        <source>reply slip</source>
        <translation>答复告知单</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>The disk is full: {file} was not written. Free some space and try again.</source>
        <translation>磁盘空间已满，未能写入 {file}。请清理出空间后重试。</translation>
    </message>
    <message>
        <source>{file} could not be written: it may be open in another program (close it there), or the folder is read-only.</source>
        <translation>无法写入 {file}：文件可能正被其他程序打开（请先关闭），或该文件夹不允许写入。</translation>
    </message>
    <message>
        <source>{file} could not be written: its folder is not there (was a USB stick removed?).</source>
        <translation>无法写入 {file}：所在的文件夹不存在（U 盘是否已拔出？）。</translation>
    </message>
    <message>
        <source>{file} could not be written. Choose another folder on this computer and try again.</source>
        <translation>无法写入 {file}。请选择本机上的其他文件夹后重试。</translation>
    </message>
</context>
<context>
    <name>FilterOverride</name>
    <message>
        <source>written opinions formed on duty days</source>
        <translation>进站接待形成的书面意见</translation>
    </message>
    <message>
        <source>passed on to departments</source>
        <translation>已转交有关部门</translation>
    </message>
    <message>
        <source>replied on time</source>
        <translation>按期答复</translation>
    </message>
    <message>
        <source>satisfied at the first answer</source>
        <translation>首次反馈即满意</translation>
    </message>
    <message>
        <source>overdue without a reply</source>
        <translation>超期未答复</translation>
    </message>
    <message>
        <source>dates {0} to {1}</source>
        <translation>日期 {0} 至 {1}</translation>
    </message>
    <message>
        <source>category: {0}</source>
        <translation>问题类别：{0}</translation>
    </message>
    <message>
        <source>no category</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>outcome: {0}</source>
        <translation>答复结果：{0}</translation>
    </message>
    <message>
        <source>merged duplicates counted with their main case</source>
        <translation>已并案的重复件计入主件</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Drop the overview&apos;s conditions; the filters above stay as they are</source>
        <translation>取消来自概览的条件；上方的筛选条件不变</translation>
    </message>
    <message>
        <source>From the overview: {0}</source>
        <translation>来自概览：{0}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>FundLimitsDialog</name>
    <message>
        <source>Special fund of the year</source>
        <translation>年度专项资金</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Total of the year (yuan)</source>
        <translation>年度总额（元）</translation>
    </message>
    <message>
        <source>Most for one project (yuan)</source>
        <translation>单个项目上限（元）</translation>
    </message>
    <message>
        <source>Approved so far (yuan)</source>
        <translation>已核定（元）</translation>
    </message>
</context>
<context>
    <name>FundSection</name>
    <message>
        <source>Fund limits…</source>
        <translation>资金额度…</translation>
    </message>
    <message>
        <source>From a person&apos;s words to satisfaction</source>
        <translation>从群众意见到群众满意</translation>
    </message>
    <message>
        <source>Fund {0}: {1} yuan, approved {2} yuan, left {3} yuan; at most {4} yuan for one project.</source>
        <translation>{0}年专项资金：总额 {1} 元，已核定 {2} 元，剩余 {3} 元；单个项目最多 {4} 元。</translation>
    </message>
</context>
<context>
    <name>FundStage</name>
    <message>
        <source>Applied</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核实</translation>
    </message>
    <message>
        <source>Being carried out</source>
        <translation>实施</translation>
    </message>
    <message>
        <source>Accepted as done</source>
        <translation>验收</translation>
    </message>
    <message>
        <source>Not funded</source>
        <translation>不予安排</translation>
    </message>
</context>
<context>
    <name>Gender</name>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>HouseholdSignsSection</name>
    <message>
        <source>Deputies whose home carries the sign; set it in the deputy&apos;s form.</source>
        <translation>家中挂有“人大代表户”牌的代表；在代表信息中设置。</translation>
    </message>
    <message>
        <source>Household signs: {0}</source>
        <translation>代表户挂牌：{0} 户</translation>
    </message>
</context>
<context>
    <name>ImportPlanDialog</name>
    <message>
        <source>Import from Excel: {0}</source>
        <translation>从 Excel 导入：{0}</translation>
    </message>
    <message>
        <source>Workbook {0}, sheet “{1}”: {2} new, {3} updated, {4} unchanged, {5} rejected.</source>
        <translation>工作簿 {0}，工作表“{1}”：新增 {2} 条，更新 {3} 条，不变 {4} 条，有问题 {5} 条。</translation>
    </message>
    <message>
        <source>Columns not imported: {0}</source>
        <translation>以下列不导入：{0}</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Rows that will not be imported, and notes:</source>
        <translation>不会导入的行及提示：</translation>
    </message>
    <message>
        <source>Nothing will be written while a row is rejected: correct the rows listed above in the workbook, save it, and import it again.</source>
        <translation>有问题的行未改正前不会写入任何数据：请在工作簿中改正上面列出的各行，保存后重新导入。</translation>
    </message>
    <message>
        <source>Nothing to write: every row is already in the program.</source>
        <translation>没有需要写入的数据：各行都已在程序中。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>LedgerActions</name>
    <message>
        <source>Deputies</source>
        <translation>代表名册</translation>
    </message>
    <message>
        <source>Duty days</source>
        <translation>进站接待</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Feedback cases</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Deputy activities</source>
        <translation>履职活动</translation>
    </message>
    <message>
        <source>Voted livelihood projects (with their votes)</source>
        <translation>民生实事项目（含票决）</translation>
    </message>
    <message>
        <source>Special-fund projects</source>
        <translation>专项资金项目</translation>
    </message>
    <message>
        <source>Draft laws and the comments on them</source>
        <translation>法律法规草案及意见建议</translation>
    </message>
    <message>
        <source>Deputy training</source>
        <translation>代表培训</translation>
    </message>
    <message>
        <source>Legal-service events</source>
        <translation>“三官”进站活动</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx *.xlsm *.xls *.ods *.et);;All files (*)</source>
        <translation>工作簿 (*.xlsx *.xlsm *.xls *.ods *.et);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Ledgers</source>
        <translation>台账(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Print or export a ledger…</source>
        <translation>打印或导出台账(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export this table to Excel…</source>
        <translation>将当前表格导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Save an import &amp;template…</source>
        <translation>保存导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Save the ledger as</source>
        <translation>台账另存为</translation>
    </message>
    <message>
        <source>Log of ledgers printed</source>
        <translation>台账打印记录</translation>
    </message>
    <message>
        <source>The ledger is out, but it could not be noted in the log: {0}</source>
        <translation>台账已打印或保存，但未能记入台账打印记录：{0}</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Include phone and ID numbers in full? Choose No to mask them (138****8000), as a workbook may leave the station.</source>
        <translation>是否包含完整的电话号码和身份证号？工作簿可能被带出联络站，选“否”将隐去中间几位（如 138****8000）。</translation>
    </message>
    <message>
        <source>Saved {0} rows to {1}</source>
        <translation>已将 {0} 行保存到 {1}</translation>
    </message>
    <message>
        <source>What does the workbook hold?</source>
        <translation>工作簿中是哪一类记录？</translation>
    </message>
    <message>
        <source>Save an import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Save the template as</source>
        <translation>模板另存为</translation>
    </message>
    <message>
        <source>Import template - {0}.xlsx</source>
        <translation>导入模板-{0}.xlsx</translation>
    </message>
    <message>
        <source>Import template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Choose the workbook to import</source>
        <translation>选择要导入的工作簿</translation>
    </message>
    <message>
        <source>Checking the workbook</source>
        <translation>正在检查工作簿</translation>
    </message>
    <message>
        <source>Imported: {0} new, {1} updated, {2} unchanged.</source>
        <translation>导入完成：新增 {0} 条，更新 {1} 条，不变 {2} 条。</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>Duty-day reception ledger</source>
        <translation>代表进站接待登记台账</translation>
    </message>
    <message>
        <source>Visits ledger</source>
        <translation>代表走访群众登记台账</translation>
    </message>
    <message>
        <source>Feedback handling ledger</source>
        <translation>意见建议办理台账</translation>
    </message>
    <message>
        <source>Deputy activity ledger</source>
        <translation>代表履职活动台账</translation>
    </message>
    <message>
        <source>Annual points register</source>
        <translation>年度履职积分登记表</translation>
    </message>
    <message>
        <source>Sign-in sheet for a duty day</source>
        <translation>进站接待签到表</translation>
    </message>
    <message>
        <source>Voted livelihood projects ledger</source>
        <translation>重大民生实事项目代表票决台账</translation>
    </message>
    <message>
        <source>Special-fund projects ledger</source>
        <translation>代表建议办理专项资金项目台账</translation>
    </message>
    <message>
        <source>Draft-law consultation ledger</source>
        <translation>法律法规草案征求意见台账</translation>
    </message>
    <message>
        <source>Deputy training ledger</source>
        <translation>代表培训台账</translation>
    </message>
    <message>
        <source>Legal-service events ledger</source>
        <translation>“三官”进站活动台账</translation>
    </message>
    <message>
        <source>By surname strokes</source>
        <translation>按姓氏笔画</translation>
    </message>
    <message>
        <source>By pinyin</source>
        <translation>按拼音</translation>
    </message>
    <message>
        <source>By points rank</source>
        <translation>按积分名次</translation>
    </message>
    <message>
        <source>Print or export a ledger</source>
        <translation>打印或导出台账</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Month {0}</source>
        <translation>{0}月</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>全部联络站</translation>
    </message>
    <message>
        <source>The next planned duty day</source>
        <translation>下一个已安排的接待日</translation>
    </message>
    <message>
        <source>Print phone and ID numbers in full</source>
        <translation>完整打印电话号码和身份证号</translation>
    </message>
    <message>
        <source>Only for internal use: a printed ledger may leave the station.</source>
        <translation>仅限内部使用：打印的台账可能被带出联络站。</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <source>Duty day</source>
        <translation>接待日期</translation>
    </message>
    <message>
        <source>Order of people</source>
        <translation>人员排序</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>保存为 Excel…</translation>
    </message>
</context>
<context>
    <name>LegalBody</name>
    <message>
        <source>Court (judge)</source>
        <translation>法院（法官）</translation>
    </message>
    <message>
        <source>Procuratorate (procurator)</source>
        <translation>检察院（检察官）</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>公安（警官）</translation>
    </message>
</context>
<context>
    <name>LegalEventKind</name>
    <message>
        <source>Legal talk</source>
        <translation>法治讲座</translation>
    </message>
    <message>
        <source>Legal consultation</source>
        <translation>法律咨询</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>矛盾调解</translation>
    </message>
</context>
<context>
    <name>LegalOutcome</name>
    <message>
        <source>Held</source>
        <translation>已开展</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>调解成功</translation>
    </message>
    <message>
        <source>Not settled</source>
        <translation>调解未成功</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>已转办</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Liaison Desk</source>
        <translation>联络站工作台</translation>
    </message>
    <message>
        <source>Deputies</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Duty days and visits</source>
        <translation>进站履职</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>意见建议</translation>
    </message>
    <message>
        <source>Deputy activity</source>
        <translation>履职活动</translation>
    </message>
    <message>
        <source>Projects and programmes</source>
        <translation>项目与专项</translation>
    </message>
    <message>
        <source>Points register</source>
        <translation>履职积分</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Annual report…</source>
        <translation>年度报告(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Manage</source>
        <translation>管理(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Liaison Desk</source>
        <translation>关于联络站工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>The database {0} was written by a newer version of Liaison Desk. Install the newer version to open it; nothing has been changed.</source>
        <translation>数据库 {0} 由更高版本的联络站工作台写入。请安装新版本后再打开；数据库未作任何改动。</translation>
    </message>
    <message>
        <source>The database {0} could not be opened: {1}</source>
        <translation>无法打开数据库 {0}：{1}</translation>
    </message>
    <message>
        <source>Not signed in: no records are shown</source>
        <translation>未登录：不显示任何记录</translation>
    </message>
    <message>
        <source>(not set up)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>{0} — database: {1}</source>
        <translation>{0} — 数据库：{1}</translation>
    </message>
    <message>
        <source>Liaison Desk — {0}</source>
        <translation>联络站工作台 — {0}</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Liaison Desk database (*.sqlite *.db)</source>
        <translation>联络站工作台数据库 (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>About Liaison Desk</source>
        <translation>关于联络站工作台</translation>
    </message>
    <message>
        <source>Liaison Desk {0}
Records and ledgers for people&apos;s congress deputy liaison stations.</source>
        <translation>联络站工作台 {0}
人大代表联络站记录与台账管理软件。</translation>
    </message>
</context>
<context>
    <name>MapDeputyDialog</name>
    <message>
        <source>Merge into the county roster</source>
        <translation>并入县人大代表名册</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>Same person as</source>
        <translation>与此代表为同一人</translation>
    </message>
</context>
<context>
    <name>Month</name>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Clear the date</source>
        <translation>清除日期</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Being solved</source>
        <translation>正在解决</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>列入计划</translation>
    </message>
    <message>
        <source>Not feasible, explained</source>
        <translation>因条件限制无法解决并已解释</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Set a password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>A new password for {0}.</source>
        <translation>为 {0} 设置新密码。</translation>
    </message>
    <message>
        <source>Present password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>At least {0} characters. Do not write it on the computer.</source>
        <translation>至少 {0} 个字符。不要把密码记在电脑上。</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same one twice.</source>
        <translation>两次输入的新密码不一致，请输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <source>Any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>During the congress session</source>
        <translation>大会期间</translation>
    </message>
    <message>
        <source>Between sessions</source>
        <translation>闭会期间</translation>
    </message>
</context>
<context>
    <name>PointBand</name>
    <message>
        <source>0–5</source>
        <translation>0–5分</translation>
    </message>
    <message>
        <source>5–10</source>
        <translation>5–10分</translation>
    </message>
    <message>
        <source>10–15</source>
        <translation>10–15分</translation>
    </message>
    <message>
        <source>15–20</source>
        <translation>15–20分</translation>
    </message>
    <message>
        <source>20–25</source>
        <translation>20–25分</translation>
    </message>
    <message>
        <source>25–30</source>
        <translation>25–30分</translation>
    </message>
    <message>
        <source>30+</source>
        <translation>30分以上</translation>
    </message>
</context>
<context>
    <name>Points</name>
    <message>
        <source>Every item needs a code and a name.</source>
        <translation>每个积分项目都须填写代码和名称。</translation>
    </message>
    <message>
        <source>The yearly cap of item {code} must be above zero.</source>
        <translation>项目 {code} 的年度上限必须大于零。</translation>
    </message>
    <message>
        <source>Item {code} counts activities: choose which kind.</source>
        <translation>项目 {code} 按履职活动计分，请选择活动类别。</translation>
    </message>
    <message>
        <source>Item {code} does not count activities.</source>
        <translation>项目 {code} 不按履职活动计分，不能指定活动类别或出勤情况。</translation>
    </message>
    <message>
        <source>Two items have the code {code}.</source>
        <translation>有两个项目的代码都是 {code}。</translation>
    </message>
    <message>
        <source>Items {first} and {second} would count a record twice.</source>
        <translation>项目 {first} 与 {second} 会对同一条记录重复计分。</translation>
    </message>
    <message>
        <source>A session cannot end before it begins.</source>
        <translation>会期结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>Give the reason for the adjustment.</source>
        <translation>请填写调整理由。</translation>
    </message>
    <message>
        <source>The rule set has no item {code}.</source>
        <translation>积分规则中没有项目 {code}。</translation>
    </message>
</context>
<context>
    <name>PointsTab</name>
    <message>
        <source>All deputies</source>
        <translation>全部代表</translation>
    </message>
    <message>
        <source>Exemplary deputies</source>
        <translation>履职之星候选</translation>
    </message>
    <message>
        <source>Record a dispute…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <source>Confirm the year</source>
        <translation>确认年度积分</translation>
    </message>
    <message>
        <source>Points rules</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <source>Disputes</source>
        <translation>异议处理</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Item / record</source>
        <translation>积分项目 / 记录</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Figures from this station&apos;s own records only: the county office has the full points.</source>
        <translation>本站记录：以下积分仅根据本站登记的记录计算，全县完整积分以县人大常委会代表工委为准。</translation>
    </message>
    <message>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>Deputies: {0}</source>
        <translation>共 {0} 名代表</translation>
    </message>
    <message>
        <source>Reopen the year</source>
        <translation>重新开放年度</translation>
    </message>
    <message>
        <source>(cap)</source>
        <translation>（已达上限）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0} {1} 次</translation>
    </message>
    <message>
        <source>M{0}</source>
        <translation>{0}月</translation>
    </message>
    <message>
        <source>Records by month: {0}
Feedback cases taken: {1}</source>
        <translation>逐月履职记录：{0}
领办意见建议：{1} 件</translation>
    </message>
    <message>
        <source>deputies with {0} points</source>
        <translation>年度积分{0}的代表</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>No deputy meets the conditions yet.</source>
        <translation>暂无符合条件的代表。</translation>
    </message>
    <message>
        <source>Record a dispute</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <source>Choose an item first.</source>
        <translation>请先选择一个积分项目。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>异议类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Why is the year reopened?</source>
        <translation>重新开放的原因：</translation>
    </message>
    <message>
        <source>Confirm the points of {0}? Changes then need the year reopened.</source>
        <translation>确认 {0} 年度积分吗？确认后如需修改须先重新开放该年度。</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Print preview — {0}</source>
        <translation>打印预览 — {0}</translation>
    </message>
    <message>
        <source>Some characters are not in the printing font and are printed as codes: {0}. Fill them in by hand on the paper.</source>
        <translation>打印字体中没有以下字符，已印为编码：{0}。请在纸面上手写补正。</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>整页显示</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>第 {0} 页 / 共 {1} 页</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>联络站</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>代表培训</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>培训层级</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Organised by</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Deputies present</source>
        <translation>出席代表</translation>
    </message>
    <message>
        <source>Deputies attending</source>
        <translation>参训代表</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>请假代表</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>参训人数</translation>
    </message>
    <message>
        <source>Legal-service officers</source>
        <translation>“三官”人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称（姓名）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>所属系统</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Stations linked</source>
        <translation>联系站点</translation>
    </message>
    <message>
        <source>Legal-service events</source>
        <translation>“三官”进站活动</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>“三官”人员</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>People attending</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Stories and media reports</source>
        <translation>先进事迹与媒体报道</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Deputy</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>媒体（刊发单位）</translation>
    </message>
    <message>
        <source>Voted livelihood projects</source>
        <translation>民生实事项目</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>提出单位</translation>
    </message>
    <message>
        <source>Carried out by</source>
        <translation>实施单位</translation>
    </message>
    <message>
        <source>Budget (yuan)</source>
        <translation>预算金额（元）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Supervising deputies</source>
        <translation>监督代表</translation>
    </message>
    <message>
        <source>Vote (for/against/abstain)</source>
        <translation>票决（赞成/反对/弃权）</translation>
    </message>
    <message>
        <source>Progress %</source>
        <translation>进度（%）</translation>
    </message>
    <message>
        <source>Satisfaction %</source>
        <translation>满意率（%）</translation>
    </message>
    <message>
        <source>Votes on a project</source>
        <translation>项目票决与测评</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>表决类型</translation>
    </message>
    <message>
        <source>Ballots issued</source>
        <translation>发出票数</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效票</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>无效票</translation>
    </message>
    <message>
        <source>For / satisfied</source>
        <translation>赞成（满意）</translation>
    </message>
    <message>
        <source>Against / basically satisfied</source>
        <translation>反对（基本满意）</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>Progress of a project</source>
        <translation>项目进度</translation>
    </message>
    <message>
        <source>Progress note</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Special-fund projects</source>
        <translation>专项资金项目</translation>
    </message>
    <message>
        <source>From the feedback case</source>
        <translation>来源意见建议</translation>
    </message>
    <message>
        <source>From the suggestion filed</source>
        <translation>来源代表建议</translation>
    </message>
    <message>
        <source>Applied for (yuan)</source>
        <translation>申请金额（元）</translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation>核定金额（元）</translation>
    </message>
    <message>
        <source>Paid at acceptance (yuan)</source>
        <translation>验收金额（元）</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Verified on</source>
        <translation>核实日期</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>验收日期</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>群众满意度</translation>
    </message>
    <message>
        <source>Supervision visits</source>
        <translation>监督视察</translation>
    </message>
    <message>
        <source>Voted project</source>
        <translation>民生实事项目</translation>
    </message>
    <message>
        <source>Special-fund project</source>
        <translation>专项资金项目</translation>
    </message>
    <message>
        <source>Deputies</source>
        <translation>参加代表</translation>
    </message>
    <message>
        <source>What they found</source>
        <translation>监督情况</translation>
    </message>
    <message>
        <source>Draft laws</source>
        <translation>立法征求意见</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草案名称</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>征求意见单位</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Comments due</source>
        <translation>反馈截止日期</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>收集意见（条）</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>上报（条）</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Comments on drafts</source>
        <translation>立法意见建议</translation>
    </message>
    <message>
        <source>Gathered on</source>
        <translation>收集日期</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系点（联络员）</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见内容</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Reported upward</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Legislative contacts</source>
        <translation>立法联系点</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>ProgrammeDetail</name>
    <message>
        <source>Choose a record in the list to see it here.</source>
        <translation>在列表中选择一条记录，在此查看详情。</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记单位</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Edit: {0}</source>
        <translation>修改：{0}</translation>
    </message>
    <message>
        <source>Add: {0}</source>
        <translation>新增：{0}</translation>
    </message>
</context>
<context>
    <name>ProgrammeSection</name>
    <message>
        <source>This database is open for reading only.</source>
        <translation>本数据库以只读方式打开。</translation>
    </message>
    <message>
        <source>Only the county office records these; they arrive in its bundles.</source>
        <translation>此类记录由县人大常委会代表工委登记，随其数据包送达。</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>This record belongs to {0}: it is changed there.</source>
        <translation>本记录属于{0}，只能在那里修改。</translation>
    </message>
</context>
<context>
    <name>ProgrammeValues</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ProgrammesTab</name>
    <message>
        <source>Household signs</source>
        <translation>人大代表户</translation>
    </message>
</context>
<context>
    <name>ProjectStage</name>
    <message>
        <source>Candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>Shortlisted</source>
        <translation>入围</translation>
    </message>
    <message>
        <source>Chosen by vote</source>
        <translation>票决通过</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>未当选</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>ProjectsSection</name>
    <message>
        <source>For {0}, against {1}, abstain {2}</source>
        <translation>赞成 {0}，反对 {1}，弃权 {2}</translation>
    </message>
    <message>
        <source>Satisfied {0}, basically {1}, not satisfied {2}, abstain {3}</source>
        <translation>满意 {0}，基本满意 {1}，不满意 {2}，弃权 {3}</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Votes and satisfaction</source>
        <translation>票决与满意度测评</translation>
    </message>
    <message>
        <source>Record a vote…</source>
        <translation>记录票决/测评…</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Record progress…</source>
        <translation>记录进度…</translation>
    </message>
    <message>
        <source>Return to the pool</source>
        <translation>放回候选库</translation>
    </message>
    <message>
        <source>A project not chosen goes back to the candidates of the next year.</source>
        <translation>未当选的项目放回下一年度的候选项目库。</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>This database is open read-only (the file or its folder cannot be written, or it is a copy on a read-only disk): records can be looked at and printed, not changed. To work in it, copy it to a folder of your own and open the copy.</source>
        <translation>本数据库以只读方式打开（文件或其所在文件夹不允许写入，或者是只读磁盘上的副本）：记录可以查看和打印，但不能修改。如需在其中工作，请将其复制到您自己的文件夹，然后打开副本。</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>&amp;Records</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New record…</source>
        <translation>新增记录(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>The database could not be opened: the file is damaged.</source>
        <translation>无法打开数据库：文件已损坏。</translation>
    </message>
    <message>
        <source>The database file {0} is damaged, probably by a power cut or a failing disk. Working in it could lose more records, so it was not opened.</source>
        <translation>数据库文件 {0} 已损坏，可能是停电或硬盘故障造成的。继续在其中工作可能丢失更多记录，因此没有打开它。</translation>
    </message>
    <message>
        <source>It was set aside as {0}, with its working files. Nothing was deleted: the county office can look at it later.</source>
        <translation>已将其连同工作文件另存为 {0}。没有删除任何东西：县人大常委会代表工委以后可以查看。</translation>
    </message>
    <message>
        <source>It is on a disk that cannot be written, so it was left as it is. Nothing was deleted.</source>
        <translation>它所在的磁盘不允许写入，因此保持原样。没有删除任何东西。</translation>
    </message>
    <message>
        <source>A backup can only be put back where the damaged file could be moved away. Close the program and call the county office.</source>
        <translation>只有能把损坏的文件移开，才能把备份放回原处。请关闭程序，打电话联系县人大常委会代表工委。</translation>
    </message>
    <message>
        <source>The newest sound backup on this computer is of {0}: {1}. Restore it to go on working. Records entered after {0} are not in it: type them in again, or they come back with the county office&apos;s bundles.</source>
        <translation>本机最新的完好备份是 {0} 的：{1}。恢复这份备份即可继续工作。{0} 之后录入的记录不在其中：请重新录入，或等县人大常委会代表工委的数据包送回。</translation>
    </message>
    <message>
        <source>This computer has no sound backup of this database. Restore one from a USB stick (Choose another backup), or close and call the county office.</source>
        <translation>本机没有这个数据库的完好备份。请从 U 盘恢复一份备份（“选择其他备份”），或关闭程序并打电话联系县人大常委会代表工委。</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>已做的处理</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>现在怎么办</translation>
    </message>
    <message>
        <source>If you are unsure, close and call the county office before you do anything.</source>
        <translation>如果拿不准，请先关闭程序，打电话联系县人大常委会代表工委，再做任何操作。</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>恢复这份备份</translation>
    </message>
    <message>
        <source>Choose another backup…</source>
        <translation>选择其他备份…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Confirmed by the county</source>
        <translation>县里已确认</translation>
    </message>
    <message>
        <source>Search: words, a name or pinyin initials</source>
        <translation>搜索：关键词、姓名或拼音首字母</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>全部联络站</translation>
    </message>
    <message>
        <source>Records: {0}</source>
        <translation>共 {0} 条记录</translation>
    </message>
    <message>
        <source>Delete this record?
{0}</source>
        <translation>确定删除该条记录吗？
{0}</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部办理状态</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Annual report</source>
        <translation>年度报告</translation>
    </message>
    <message>
        <source>The report of the year</source>
        <translation>报告年度</translation>
    </message>
    <message>
        <source>Annual report {0}</source>
        <translation>{0}年度报告</translation>
    </message>
    <message>
        <source>Save the annual report as</source>
        <translation>年度报告另存为</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;Excel workbook (*.xlsx);;JSON data (*.json)</source>
        <translation>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx);;JSON 数据文件 (*.json)</translation>
    </message>
    <message>
        <source>Saved the annual report ({0} pages) to {1}</source>
        <translation>年度报告已保存（共 {0} 页）：{1}</translation>
    </message>
    <message>
        <source>Saved the annual report ({0} stations) to {1}</source>
        <translation>年度报告已保存（共 {0} 个联络站）：{1}</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Settle a conflict — {0}</source>
        <translation>处理冲突 — {0}</translation>
    </message>
    <message>
        <source>Two sites recorded different steps for this case at the same time. Keep the one that really happened; the other stays in the history, set aside.</source>
        <translation>两处同时为该意见建议记录了不同的办理步骤。请保留实际发生的一项，另一项将留在办理过程中备查，不再计入。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Daily, at start</source>
        <translation>每日启动时</translation>
    </message>
    <message>
        <source>Before a program update</source>
        <translation>程序升级前</translation>
    </message>
    <message>
        <source>Before a bundle import</source>
        <translation>导入数据包前</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Chosen file</source>
        <translation>选定的文件</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Choose the backup to go back to: one this computer made by itself, or an encrypted backup from a USB stick. The database as it is now is set aside in its folder, not deleted, so nothing is lost if you choose wrongly.</source>
        <translation>请选择要恢复到的备份：本机自动制作的备份，或 U 盘上的加密备份。当前的数据库会在原文件夹中另行保留，不会删除，即使选错也不会丢失任何内容。</translation>
    </message>
    <message>
        <source>This computer has no backups of this database yet.</source>
        <translation>本机还没有这个数据库的备份。</translation>
    </message>
    <message>
        <source>Choose a backup file…</source>
        <translation>选择备份文件…</translation>
    </message>
    <message>
        <source>Restore this backup…</source>
        <translation>恢复这份备份…</translation>
    </message>
    <message>
        <source>Choose a backup in the list, or a backup file.</source>
        <translation>请在列表中选择一份备份，或选择一个备份文件。</translation>
    </message>
    <message>
        <source>{0}: </source>
        <comment>the site a backup belongs to</comment>
        <translation>{0}：</translation>
    </message>
    <message>
        <source>The backup of {0} holds {1}{2}. Records entered or changed after {0} are not in it: type them in again, or they come back with the county office&apos;s bundles.</source>
        <translation>{0} 的备份包含{1}{2}。{0} 之后录入或修改的记录不在其中：请重新录入，或等县人大常委会代表工委的数据包送回。</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Retention of personal data</source>
        <translation>个人信息保存期限</translation>
    </message>
    <message>
        <source>Personal details are kept only as long as they are needed. For a feedback case closed longer ago than the period below, Liaison Desk removes who raised it: the name, phone and ID number, the attached files, and the person&apos;s name and numbers inside the texts. The case itself stays (dates, category, village, deputies, department, steps, outcome and satisfaction), so every figure and report for those years stays the same.</source>
        <translation>个人信息只在需要期间保存。对于办结时间早于下面所设期限的意见建议，联络站工作台会删除反映人的信息：姓名、电话号码和身份证号、附件，以及文字内容中出现的反映人姓名和号码。意见建议本身仍然保留（日期、问题类别、村（社区）、代表、承办单位、办理环节、办理结果和满意度），因此这些年份的各项统计数字和报告都不会改变。</translation>
    </message>
    <message>
        <source>Keep personal details of closed cases for</source>
        <translation>已办结意见建议的个人信息保存</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Backups taken before the period began are deleted with them: they hold the same people. Newer backups keep them until they are rotated out.</source>
        <translation>在该期限起点之前制作的备份也一并删除，因为其中有同样的个人信息。较新的备份会保留这些信息，直到轮换淘汰为止。</translation>
    </message>
    <message>
        <source>Remove now…</source>
        <translation>立即删除…</translation>
    </message>
    <message>
        <source>Off: personal details are kept until someone removes them.</source>
        <translation>未启用：个人信息会一直保存，直到有人将其删除。</translation>
    </message>
    <message>
        <source>{0} cases were closed before {1}: their personal details are due.</source>
        <translation>有 {0} 件意见建议在 {1} 之前办结：其个人信息已到期，应予删除。</translation>
    </message>
    <message>
        <source>No closed case is past this period now.</source>
        <translation>目前没有超过此期限的已办结意见建议。</translation>
    </message>
    <message>
        <source>{0} backups were taken before {1}: they hold the same people and are deleted too.</source>
        <translation>有 {0} 份备份是在 {1} 之前做的：其中有同样的个人信息，将一并删除。</translation>
    </message>
    <message>
        <source>Remove the personal details of {0} cases closed before {1}? This cannot be undone. The cases and every figure stay.</source>
        <translation>要删除 {1} 之前办结的 {0} 件意见建议中的个人信息吗？此操作无法撤销。意见建议本身和各项统计数字都会保留。</translation>
    </message>
    <message>
        <source>Delete {0} backups taken before {1}? This cannot be undone.</source>
        <translation>删除 {0} 份在 {1} 之前做的备份？删除后无法恢复。</translation>
    </message>
    <message>
        <source>Remove personal details</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <source>Removing personal details</source>
        <translation>正在删除个人信息</translation>
    </message>
    <message>
        <source>Personal details of {0} cases removed; {1} old backups deleted.</source>
        <translation>已删除 {0} 件意见建议的个人信息；已删除 {1} 份旧备份。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Clerk</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Station head</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>County officer</source>
        <translation>县人大工作人员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>show full phone and ID numbers</source>
        <translation>显示完整的电话号码和身份证号</translation>
    </message>
    <message>
        <source>print phone and ID numbers in full</source>
        <translation>完整打印电话号码和身份证号</translation>
    </message>
    <message>
        <source>export personal data to a file</source>
        <translation>将个人信息导出到文件</translation>
    </message>
    <message>
        <source>restore the database from a backup</source>
        <translation>用备份恢复数据库</translation>
    </message>
    <message>
        <source>manage users, sign-in and the audit log</source>
        <translation>管理用户、登录和审计日志</translation>
    </message>
    <message>
        <source>change or remove departments</source>
        <translation>修改或删除承办单位</translation>
    </message>
</context>
<context>
    <name>RosterStatus</name>
    <message>
        <source>Awaiting county confirmation</source>
        <translation>待县人大确认</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Merged into county record</source>
        <translation>已并入县人大名册</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Points rules {0}</source>
        <translation>{0} 年度积分规则</translation>
    </message>
    <message>
        <source>This is the example shipped with the program: replace it with the county&apos;s own rules.</source>
        <translation>这是程序自带的示例规则，请按本县履职积分管理办法修改。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>规则名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>积分项目</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>计分单位</translation>
    </message>
    <message>
        <source>Yearly cap</source>
        <translation>年度上限</translation>
    </message>
    <message>
        <source>When</source>
        <translation>计分时段</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Duty days on duty</source>
        <translation>进站履职值班</translation>
    </message>
    <message>
        <source>Visits made</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Feedback cases taken</source>
        <translation>领办意见建议</translation>
    </message>
    <message>
        <source>time</source>
        <translation>每次</translation>
    </message>
    <message>
        <source>by quantity</source>
        <translation>按数量</translation>
    </message>
    <message>
        <source> (unexcused absence)</source>
        <translation>（无故缺席）</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>积分项目</translation>
    </message>
</context>
<context>
    <name>Satisfaction</name>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>不满意</translation>
    </message>
</context>
<context>
    <name>Scope</name>
    <message>
        <source>County deputies</source>
        <translation>县人大代表</translation>
    </message>
    <message>
        <source>Township deputies</source>
        <translation>乡镇人大代表</translation>
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <source>The record no longer exists; it may have been deleted.</source>
        <translation>该记录已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>Someone changed this record after you opened it. Reopen it and try again.</source>
        <translation>您打开该记录后，他人已对其作了修改。请重新打开后再试。</translation>
    </message>
    <message>
        <source>This record belongs to another site and can only be changed there.</source>
        <translation>该记录属于其他单位，只能由该单位修改。</translation>
    </message>
    <message>
        <source>This database has not been set up for a site yet.</source>
        <translation>本数据库尚未设置所属单位。</translation>
    </message>
    <message>
        <source>This database already belongs to a site.</source>
        <translation>本数据库已设置所属单位。</translation>
    </message>
    <message>
        <source>Only the county office keeps the deputy roster.</source>
        <translation>代表名册由县人大常委会代表工委统一管理。</translation>
    </message>
    <message>
        <source>This deputy is already in the county roster.</source>
        <translation>该代表已在县人大代表名册中。</translation>
    </message>
    <message>
        <source>Choose a deputy who is already confirmed in the county roster.</source>
        <translation>请选择已在县人大代表名册中确认的代表。</translation>
    </message>
    <message>
        <source>The file is larger than {max} MB; scan it at a lower resolution.</source>
        <translation>文件超过 {max} MB，请降低扫描分辨率后再添加。</translation>
    </message>
    <message>
        <source>Only pictures (JPEG, PNG, GIF, BMP, TIFF) and PDF files can be attached.</source>
        <translation>只能添加图片（JPEG、PNG、GIF、BMP、TIFF）和 PDF 文件。</translation>
    </message>
    <message>
        <source>The file could not be read: {detail}</source>
        <translation>文件无法读取：{detail}</translation>
    </message>
    <message>
        <source>Two sites acted on this case at once; settle the conflict before the next step.</source>
        <translation>两处同时办理了该意见建议，请先处理冲突再进行下一步。</translation>
    </message>
    <message>
        <source>A case cannot be merged into itself or a deleted one.</source>
        <translation>不能与自身或已删除的意见建议并案。</translation>
    </message>
    <message>
        <source>Follows the merged case</source>
        <translation>随并案主件办理</translation>
    </message>
    <message>
        <source>Only a case nobody has acted on yet can be deleted; its history is the record.</source>
        <translation>只有尚未办理的意见建议可以删除；已办理的须保留办理记录。</translation>
    </message>
    <message>
        <source>The case has not been referred to a department.</source>
        <translation>该意见建议尚未交办。</translation>
    </message>
    <message>
        <source>The department has not replied yet.</source>
        <translation>承办单位尚未答复。</translation>
    </message>
    <message>
        <source>Only the county office sets the points rules and confirms a year.</source>
        <translation>积分规则的制定和年度积分的确认由县人大常委会代表工委负责。</translation>
    </message>
    <message>
        <source>The county office has confirmed the points of {year}; reopen the year first.</source>
        <translation>{year} 年度积分已由县人大常委会代表工委确认，须先重新开放该年度。</translation>
    </message>
    <message>
        <source>{name} is not in the deputy roster: add the deputy first, or correct the name.</source>
        <translation>“{name}”不在代表名册中：请先添加该代表，或改正姓名。</translation>
    </message>
    <message>
        <source>The roster has {count} deputies called {name}: this row cannot tell which.</source>
        <translation>名册中有 {count} 位名叫“{name}”的代表，无法判断是哪一位。</translation>
    </message>
    <message>
        <source>There is no station called {name}.</source>
        <translation>没有名为“{name}”的联络站。</translation>
    </message>
    <message>
        <source>Fill in the station: this site is not a station.</source>
        <translation>请填写联络站：本机不是联络站。</translation>
    </message>
    <message>
        <source>{value} is not one of: {choices}.</source>
        <translation>“{value}”不是以下之一：{choices}。</translation>
    </message>
    <message>
        <source>There is no feedback category called {name}.</source>
        <translation>没有名为“{name}”的问题类别。</translation>
    </message>
    <message>
        <source>There is no activity kind called {name}.</source>
        <translation>没有名为“{name}”的活动类型。</translation>
    </message>
    <message>
        <source>{count} phone or ID numbers are masked (such as 138****8000): the numbers already stored are kept. To change them, export with full numbers, edit, and import that workbook.</source>
        <translation>有 {count} 个电话号码或身份证号隐去了中间几位（如 138****8000）：保留程序中已有的号码。如需修改，请导出完整号码、修改后再导入该工作簿。</translation>
    </message>
    <message>
        <source>Row {row} of this workbook is the same record with different values.</source>
        <translation>与本工作簿第 {row} 行是同一条记录，但内容不同。</translation>
    </message>
    <message>
        <source>The disk is full: nothing was imported. Free some space on the disk and import again.</source>
        <translation>磁盘空间已满，未导入任何数据。请清理磁盘空间后重新导入。</translation>
    </message>
    <message>
        <source>Several records fit this row and differ from it: import a workbook exported by the program (its 系统编号 column tells them apart), or change the record in the program.</source>
        <translation>有几条记录都与这一行相符，且内容不同：请导入由本程序导出的工作簿（其中的“系统编号”列能区分它们），或直接在程序中修改该记录。</translation>
    </message>
    <message>
        <source>No duty day is planned at this station on or after {day}: plan one in the duty-day register first.</source>
        <translation>本站 {day} 及以后没有安排进站接待日：请先在进站接待登记中安排。</translation>
    </message>
    <message>
        <source>There is no station with the code {code}.</source>
        <translation>没有编码为 {code} 的联络站。</translation>
    </message>
    <message>
        <source>Choose the station whose sign-in sheet to print.</source>
        <translation>请选择要打印签到表的联络站。</translation>
    </message>
    <message>
        <source>A month is from 1 to 12, not {month}.</source>
        <translation>月份应为 1 至 12，不能是 {month}。</translation>
    </message>
    <message>
        <source>The {title} is not printed by the month: points registers are kept by the year, and a sign-in sheet is for one duty day. Print it without a month.</source>
        <translation>「{title}」不按月打印：履职积分按年度登记，签到表按接待日打印。请不要指定月份。</translation>
    </message>
    <message>
        <source>Only the county office enrolls sites and keeps the county&apos;s keys.</source>
        <translation>只有县人大常委会代表工委才能登记站点并保管县里的密钥。</translation>
    </message>
    <message>
        <source>{code} is already enrolled. To give it a new enrollment file, revoke its keys and re-enroll it.</source>
        <translation>{code} 已登记。如需为其生成新的登记文件，请先吊销其密钥再重新登记。</translation>
    </message>
    <message>
        <source>The keys of {code} were revoked. Re-enroll it to give it new keys.</source>
        <translation>{code} 的密钥已吊销。请重新登记以发放新密钥。</translation>
    </message>
    <message>
        <source>No site with the code {code} is enrolled.</source>
        <translation>没有编码为 {code} 的已登记站点。</translation>
    </message>
    <message>
        <source>{code} still has valid keys. Revoke its keys before re-enrolling it.</source>
        <translation>{code} 的密钥仍然有效。请先吊销其密钥再重新登记。</translation>
    </message>
    <message>
        <source>The station {code} belongs to another township ({township}).</source>
        <translation>联络站 {code} 属于另一个乡镇（{township}）。</translation>
    </message>
    <message>
        <source>This database belongs to another site; the enrollment file is for {code} {name}. Choose the right file or database.</source>
        <translation>该数据库属于另一个站点，这份登记文件是发给 {code} {name} 的。请选择正确的文件或数据库。</translation>
    </message>
    <message>
        <source>This enrollment file comes from another county office. Nothing was changed.</source>
        <translation>这份登记文件来自另一个县的代表工委，未做任何更改。</translation>
    </message>
    <message>
        <source>This enrollment file is older than the keys this database already has. Ask the county office for the newest file.</source>
        <translation>这份登记文件比本数据库现有的密钥旧，请向县里索取最新的登记文件。</translation>
    </message>
    <message>
        <source>This key escrow file belongs to another county office. Nothing was changed.</source>
        <translation>这份密钥托管文件属于另一个县的代表工委，未做任何更改。</translation>
    </message>
    <message>
        <source>This site has no keys for bundles yet: a station takes its enrollment file from the county office first (the Bundles menu).</source>
        <translation>本站点还没有数据包密钥：联络站须先使用县里发来的登记文件（“数据包”菜单）。</translation>
    </message>
    <message>
        <source>No enrolled site has the code {code}.</source>
        <translation>没有编码为 {code} 的已登记站点。</translation>
    </message>
    <message>
        <source>A station or township centre sends its bundles to the county office only.</source>
        <translation>联络站或乡镇中心站的数据包只能发往县人大常委会。</translation>
    </message>
    <message>
        <source>This conflict was already settled.</source>
        <translation>这一冲突已经处理过了。</translation>
    </message>
    <message>
        <source>This bundle is no longer recorded here.</source>
        <translation>本处已没有这个数据包的记录。</translation>
    </message>
    <message>
        <source>There is no site to send bundles to yet: enroll the stations first.</source>
        <translation>还没有可以发送数据包的站点：请先登记各联络站。</translation>
    </message>
    <message>
        <source>There is no draft called {name}: the county office records the drafts sent for comment, and they reach the stations in its bundles.</source>
        <translation>没有名为{name}的草案：征求意见的草案由县人大常委会代表工委登记，随其数据包送达各站。</translation>
    </message>
    <message>
        <source>Several records fit this row and differ from it: change them in the program instead.</source>
        <translation>有多条记录与此行相符且内容不同：请在程序中直接修改。</translation>
    </message>
    <message>
        <source>Nothing is recorded under the name {name}.</source>
        <translation>没有名为{name}的记录。</translation>
    </message>
    <message>
        <source>{count} records are called {name}: this row cannot tell which.</source>
        <translation>有 {count} 条记录名为{name}：此行无法确定是哪一条。</translation>
    </message>
    <message>
        <source>There is no feedback case numbered {name}.</source>
        <translation>没有编号为{name}的意见建议。</translation>
    </message>
    <message>
        <source>A station imports its own records only: leave the station blank or write this station.</source>
        <translation>联络站只能导入本站的记录：联络站一栏请留空或填写本站。</translation>
    </message>
    <message>
        <source>Only the county office records {what}; they reach the stations in its bundles.</source>
        <translation>{what}只能由县人大常委会代表工委登记，随其数据包送达各站。</translation>
    </message>
    <message>
        <source>This record cannot be deleted: {count} other records refer to it ({what}).</source>
        <translation>不能删除本记录：还有 {count} 条其他记录引用它（{what}）。</translation>
    </message>
    <message>
        <source>Only a project that was not chosen can return to the next year&apos;s pool.</source>
        <translation>只有未当选的项目才能放回下一年度的候选项目库。</translation>
    </message>
    <message>
        <source>The cap for one project must be at least 0 and no more than the year&apos;s total.</source>
        <translation>单个项目上限不能小于 0，也不能超过年度总额。</translation>
    </message>
    <message>
        <source>The user name or the password is not right. Check them and try again.</source>
        <translation>用户名或密码不正确，请检查后重试。</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters. Choose a longer one.</source>
        <translation>密码至少需要 8 个字符，请设置更长的密码。</translation>
    </message>
    <message>
        <source>There is already a user “{login}”. Choose another name.</source>
        <translation>已有用户“{login}”，请换一个用户名。</translation>
    </message>
    <message>
        <source>A user name is 1 to 40 letters or digits, without spaces.</source>
        <translation>用户名为 1 至 40 个字母或数字，不能有空格。</translation>
    </message>
    <message>
        <source>Five wrong tries in a row: wait {seconds} seconds before the next try. If the password is forgotten, the station head or an administrator can set a new one.</source>
        <translation>已连续输错五次：请等 {seconds} 秒后再试。如果忘记了密码，可请站长或管理员重新设置。</translation>
    </message>
    <message>
        <source>The present password is not right, so the password was not changed.</source>
        <translation>当前密码不正确，密码未修改。</translation>
    </message>
    <message>
        <source>Nobody is signed in: there is no password of yours to change.</source>
        <translation>当前无人登录：没有您的密码可修改。</translation>
    </message>
    <message>
        <source>There is no user “{login}”.</source>
        <translation>没有用户“{login}”。</translation>
    </message>
    <message>
        <source>This role does not exist at this kind of site.</source>
        <translation>这类单位没有这个角色。</translation>
    </message>
    <message>
        <source>Sign-in needs at least one active user who may manage users (a station head or an administrator); otherwise nobody could turn it off again. Add one first.</source>
        <translation>启用登录前，至少要有一个能管理用户的已启用用户（站长或管理员），否则就没有人能再关闭登录。请先添加一个。</translation>
    </message>
    <message>
        <source>This is the last active user who may manage users while sign-in is on. Add another one first, or turn sign-in off.</source>
        <translation>登录已开启，而这是最后一个能管理用户的已启用用户。请先再添加一个，或关闭登录。</translation>
    </message>
    <message>
        <source>Your role may not show full phone and ID numbers. Ask the station head or an administrator.</source>
        <translation>您的角色不能显示完整的电话号码和身份证号。请找站长或管理员。</translation>
    </message>
    <message>
        <source>Your role may not print phone and ID numbers in full. Print them masked, or ask the station head or an administrator.</source>
        <translation>您的角色不能完整打印电话号码和身份证号。请隐去中间几位后打印，或找站长或管理员。</translation>
    </message>
    <message>
        <source>Your role may not export personal data to a file. Ask the station head or an administrator.</source>
        <translation>您的角色不能将个人信息导出到文件。请找站长或管理员。</translation>
    </message>
    <message>
        <source>Only the station head or an administrator may restore from a backup.</source>
        <translation>只有站长或管理员才能从备份恢复。</translation>
    </message>
    <message>
        <source>Only the station head or an administrator may manage users, sign-in and the audit log.</source>
        <translation>只有站长或管理员才能管理用户、登录和审计日志。</translation>
    </message>
    <message>
        <source>The audit log is exported as an Excel workbook (.xlsx) or a CSV file (.csv).</source>
        <translation>审计日志可导出为 Excel 工作簿（.xlsx）或 CSV 文件（.csv）。</translation>
    </message>
    <message>
        <source>Choose a retention period of 1 to 30 years.</source>
        <translation>请选择 1 至 30 年的保存期限。</translation>
    </message>
    <message>
        <source>No retention period is set: choose how many years to keep personal data first.</source>
        <translation>尚未设置保存期限：请先选择个人信息保存几年。</translation>
    </message>
    <message>
        <source>Only the station head, a county officer or an administrator may change or remove a department. A clerk may add one.</source>
        <translation>只有站长、县人大工作人员或管理员可以修改或删除承办单位；工作人员可以添加。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up this computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>This database does not belong to a site yet. If the county office gave you an enrollment file, use it: the station is then set up exactly as the county knows it. Otherwise say which station, township centre or county office this computer keeps the records of.</source>
        <translation>本数据库还没有所属站点。如果县人大常委会代表工委给了您登记文件，请使用它：本站将完全按县里登记的信息建立。否则，请说明本机记录的是哪个联络站、乡镇中心或县代表工委。</translation>
    </message>
    <message>
        <source>This computer is at</source>
        <translation>本机所属单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>e.g. Datian Village Deputy Liaison Station, Huangyao Town</source>
        <translation>例如：黄姚镇大田村代表联络站</translation>
    </message>
    <message>
        <source>e.g. Huangyao Town</source>
        <translation>例如：黄姚镇</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <source>The code the county office gave, e.g. S01</source>
        <translation>县人大常委会代表工委分配的代码，如 S01</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>所属乡镇</translation>
    </message>
    <message>
        <source>Use the enrollment file from the county office…</source>
        <translation>使用县里发来的登记文件…</translation>
    </message>
    <message>
        <source>Enrollment file</source>
        <translation>登记文件</translation>
    </message>
    <message>
        <source>Enrollment files (*.ldenrol);;All files (*)</source>
        <translation>登记文件 (*.ldenrol);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The passphrase the county office told you:</source>
        <translation>县里告诉您的口令：</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>{0} asks who is at this computer before it shows any record.</source>
        <translation>{0}在显示任何记录之前，需要确认是谁在使用这台电脑。</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>本数据库</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>You may try again now.</source>
        <translation>现在可以重试了。</translation>
    </message>
</context>
<context>
    <name>SignedOutCover</name>
    <message>
        <source>Nobody is signed in, so no records are shown.</source>
        <translation>当前无人登录，因此不显示任何记录。</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Liaison Desk is already open</source>
        <translation>联络站工作台已经打开</translation>
    </message>
    <message>
        <source>Liaison Desk is already open on this database:
{0}

That window did not answer when asked to come to the front. Switch to it; if it does not respond, end Liaison Desk in the Task Manager and start it again.</source>
        <translation>联络站工作台已经打开了这个数据库：
{0}

请求该窗口切换到前台时没有响应。请切换到该窗口；如果它没有反应，请在任务管理器中结束联络站工作台，然后重新启动。</translation>
    </message>
</context>
<context>
    <name>SiteRole</name>
    <message>
        <source>Liaison station</source>
        <translation>代表联络站</translation>
    </message>
    <message>
        <source>Township activity centre</source>
        <translation>乡镇人大代表履职活动中心</translation>
    </message>
    <message>
        <source>County office</source>
        <translation>县人大常委会代表工委</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Add a department…</source>
        <translation>添加承办单位…</translation>
    </message>
    <message>
        <source>No department has been added yet: add one here, or under “{0}”.</source>
        <translation>还没有承办单位：可在此添加，或在“{0}”中添加。</translation>
    </message>
    <message>
        <source>Co-handling departments</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>交办日期</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source> (holidays of that year not entered yet: weekends only)</source>
        <translation>（该年节假日尚未录入，仅按双休日计算）</translation>
    </message>
    <message>
        <source>Replied on</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>The department&apos;s reply</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>Answered back on</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <source>How</source>
        <translation>反馈方式</translation>
    </message>
    <message>
        <source>The person&apos;s satisfaction</source>
        <translation>群众满意度</translation>
    </message>
    <message>
        <source>The answer given</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>Why it is not accepted</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <source>Where the person should go</source>
        <translation>告知反映人的途径</translation>
    </message>
    <message>
        <source>e.g. the court, administrative review</source>
        <translation>例如：向人民法院起诉、申请行政复议</translation>
    </message>
    <message>
        <source>Returned on</source>
        <translation>退回日期</translation>
    </message>
    <message>
        <source>Why the department returns it</source>
        <translation>退回理由</translation>
    </message>
    <message>
        <source>Why it goes to the county office</source>
        <translation>上报理由</translation>
    </message>
    <message>
        <source>Same matter as case</source>
        <translation>与以下意见建议为同一事项</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The database {path} is on a network share. A database file must stay on this computer&apos;s own disk (several computers writing to one file over the network damage it): copy it to a local folder, or let the county office use a PostgreSQL server.</source>
        <translation>数据库 {path} 位于网络共享位置。数据库文件必须放在本机硬盘上（多台电脑通过网络同时写入同一个文件会损坏数据）：请将其复制到本机文件夹，或由县人大常委会代表工委使用 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>The disk holding the database {path} is full, so nothing of this change was saved. Free some space (empty the recycle bin, move old files away) and do it again.</source>
        <translation>存放数据库 {path} 的磁盘已满，这次修改没有保存任何内容。请清理出空间（清空回收站、移走旧文件）后重新操作一次。</translation>
    </message>
    <message>
        <source>The database {path} is busy in another program or another Liaison Desk window, so nothing of this change was saved. Close the other program and do it again.</source>
        <translation>数据库 {path} 正被其他程序或另一个联络站工作台窗口占用，这次修改没有保存任何内容。请关闭其他程序后重新操作一次。</translation>
    </message>
    <message>
        <source>The database {path} is damaged, probably by a power cut or a failing disk. It was set aside as {aside}; nothing was deleted.</source>
        <translation>数据库 {path} 已损坏，可能是停电或硬盘故障造成的。已将其另存为 {aside}；没有删除任何东西。</translation>
    </message>
    <message>
        <source>The database {path} is damaged, probably by a power cut or a failing disk. It is on a disk that cannot be written, so it was left as it is. Do not delete it; call the county office.</source>
        <translation>数据库 {path} 已损坏，可能是停电或硬盘故障造成的。它所在的磁盘不允许写入，因此保持原样。请不要删除它，并打电话联系县人大常委会代表工委。</translation>
    </message>
    <message>
        <source>{path} is not a Liaison Desk database. Nothing was changed; choose the database file instead.</source>
        <translation>{path} 不是联络站工作台数据库。未做任何更改，请改为选择数据库文件。</translation>
    </message>
    <message>
        <source>The database {path} cannot be read just now ({reason}). Nothing was changed. Close any other program that may be using it, then try again.</source>
        <translation>数据库 {path} 暂时无法读取（{reason}）。未做任何更改。请关闭可能正在使用它的其他程序，然后重试。</translation>
    </message>
    <message>
        <source>The database {path} can only be read (the file or its folder is read-only), and it was written by an older version of Liaison Desk, which this version must first bring up to date. Copy it to a folder of your own and open the copy, or ask for the right to change the file.</source>
        <translation>数据库 {path} 只能读取（文件或其所在文件夹为只读），而它由旧版本的联络站工作台写入，本版本须先将其升级。请将其复制到您自己的文件夹并打开副本，或申请修改该文件的权限。</translation>
    </message>
</context>
<context>
    <name>StoryKind</name>
    <message>
        <source>Exemplary story</source>
        <translation>先进事迹</translation>
    </message>
    <message>
        <source>Media report</source>
        <translation>媒体报道</translation>
    </message>
</context>
<context>
    <name>TaskHandle</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Another task is changing the data. Wait until it has finished, then try again.</source>
        <translation>另一项任务正在修改数据，请等它完成后再试。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TrainingLevel</name>
    <message>
        <source>Provincial</source>
        <translation>省级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市级</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇级</translation>
    </message>
</context>
<context>
    <name>Unnamed</name>
    <message>
        <source>Uncategorised</source>
        <translation>未分类</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Records cases and prints masked ledgers; sees phones masked.</source>
        <translation>可登记意见建议、打印台账（号码隐去中间几位）；看到的电话号码也隐去中间几位。</translation>
    </message>
    <message>
        <source>May also: {0}.</source>
        <translation>还可以：{0}。</translation>
    </message>
    <message>
        <source>Users and sign-in</source>
        <translation>用户与登录</translation>
    </message>
    <message>
        <source>Ask for a user name and password before any record is shown</source>
        <translation>显示任何记录之前，先要求输入用户名和密码</translation>
    </message>
    <message>
        <source>Without sign-in, whoever uses this computer acts as the {0} and the audit log names the computer&apos;s account. With sign-in, each person signs in with their own role; sign-in needs at least one active {0} first.</source>
        <translation>不启用登录时，使用这台电脑的人都以{0}身份操作，审计日志记录的是电脑的用户账户。启用登录后，每个人用自己的账号和角色登录；启用登录前须至少有一个已启用的{0}。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add a user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Set a new password…</source>
        <translation>设置新密码…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>Enter a number between 0 and {max}.</source>
        <translation>请输入 0 到 {max} 之间的数字。</translation>
    </message>
    <message>
        <source>This date is before 2000: check the year.</source>
        <translation>该日期早于 2000 年，请检查年份。</translation>
    </message>
    <message>
        <source>A duty day can be planned up to a year ahead.</source>
        <translation>进站接待日最多只能提前一年安排。</translation>
    </message>
    <message>
        <source>This duty day is still to come: nobody can have been received yet.</source>
        <translation>该接待日尚未到来，不能已有接待人数。</translation>
    </message>
    <message>
        <source>A quantity must be between 0 and {max}.</source>
        <translation>数量须在 0 到 {max} 之间。</translation>
    </message>
    <message>
        <source>Choose county deputy, township deputy or both.</source>
        <translation>请选择县人大代表、乡镇人大代表，或两者都选。</translation>
    </message>
    <message>
        <source>Name who made the visit.</source>
        <translation>请填写走访人。</translation>
    </message>
    <message>
        <source>Name the deputies or the people who were visited.</source>
        <translation>请填写被走访的代表或群众。</translation>
    </message>
    <message>
        <source>A deputy is listed twice.</source>
        <translation>有代表被重复选择。</translation>
    </message>
    <message>
        <source>Enter at most {max} characters.</source>
        <translation>最多可输入 {max} 个字符。</translation>
    </message>
    <message>
        <source>A phone number may contain only digits, spaces, dashes, dots, parentheses and a leading +86.</source>
        <translation>电话号码只能包含数字、空格、短横线、圆点、括号及开头的 +86。</translation>
    </message>
    <message>
        <source>Only mainland China (+86) numbers are accepted.</source>
        <translation>仅接受中国大陆（+86）电话号码。</translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number or a landline with area code.</source>
        <translation>请输入 11 位手机号码或带区号的固定电话号码。</translation>
    </message>
    <message>
        <source>A mobile number must start with 13, 14, 15, 16, 17, 18 or 19.</source>
        <translation>手机号码须以 13、14、15、16、17、18 或 19 开头。</translation>
    </message>
    <message>
        <source>The area code is not valid.</source>
        <translation>区号无效。</translation>
    </message>
    <message>
        <source>Add the area code to the landline number, for example 0774-6621234.</source>
        <translation>固定电话号码请加区号，例如 0774-6621234。</translation>
    </message>
    <message>
        <source>An identity number contains only digits, with X allowed as the last character.</source>
        <translation>身份证号码只能由数字组成，最后一位可以为 X。</translation>
    </message>
    <message>
        <source>15-digit identity numbers are no longer valid; enter the 18-digit number.</source>
        <translation>15 位身份证号码已停止使用，请输入 18 位号码。</translation>
    </message>
    <message>
        <source>An identity number has 18 characters.</source>
        <translation>身份证号码应为 18 位。</translation>
    </message>
    <message>
        <source>The birth date in the identity number is not a valid date.</source>
        <translation>身份证号码中的出生日期无效。</translation>
    </message>
    <message>
        <source>The birth date in the identity number is in the future.</source>
        <translation>身份证号码中的出生日期晚于今天。</translation>
    </message>
    <message>
        <source>The last character of the identity number does not match; check the number for typos.</source>
        <translation>身份证号码校验位不符，请检查号码是否输入有误。</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The end date cannot be before the start date.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>The number cannot be negative.</source>
        <translation>数值不能为负数。</translation>
    </message>
    <message>
        <source>Enter a number no larger than {max}.</source>
        <translation>请输入不大于 {max} 的数值。</translation>
    </message>
    <message>
        <source>Enter points as a number, such as 2 or 0.5.</source>
        <translation>分值请填写数字，如 2 或 0.5。</translation>
    </message>
    <message>
        <source>Enter a year between 2000 and {max}.</source>
        <translation>请输入 2000 至 {max} 之间的年份。</translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation>请从列出的选项中选择。</translation>
    </message>
    <message>
        <source>Enter an amount in yuan of at least 0.</source>
        <translation>请输入不小于 0 的金额（元）。</translation>
    </message>
    <message>
        <source>Name the voted project or the special-fund project that was supervised.</source>
        <translation>请选择所监督的民生实事项目或专项资金项目（二者选一）。</translation>
    </message>
    <message>
        <source>A project at this stage needs this date.</source>
        <translation>项目到了这一阶段，须填写此日期。</translation>
    </message>
    <message>
        <source>A project that is verified or later needs the amount approved.</source>
        <translation>项目核实后须填写核定金额。</translation>
    </message>
    <message>
        <source>This date comes before the step it follows: check the dates.</source>
        <translation>此日期早于上一环节的日期，请核对。</translation>
    </message>
    <message>
        <source>Ballots issued ({issued}) must equal valid plus invalid ({sum}).</source>
        <translation>发出票数（{issued}）应等于有效票与无效票之和（{sum}）。</translation>
    </message>
    <message>
        <source>The votes cast ({sum}) must add up to the valid ballots ({valid}).</source>
        <translation>各项票数之和（{sum}）应等于有效票数（{valid}）。</translation>
    </message>
    <message>
        <source>More ballots were issued ({issued}) than deputies were present ({present}).</source>
        <translation>发出票数（{issued}）多于出席代表人数（{present}）。</translation>
    </message>
    <message>
        <source>A selection vote has for, against and abstain only: leave “Not satisfied” at 0.</source>
        <translation>票决只有赞成、反对、弃权：“不满意”请填 0。</translation>
    </message>
    <message>
        <source>Enter a percentage between 0 and 100.</source>
        <translation>请输入 0 至 100 之间的百分比。</translation>
    </message>
    <message>
        <source>One project may receive at most {cap} yuan from the fund.</source>
        <translation>单个项目最多可安排专项资金 {cap} 元。</translation>
    </message>
    <message>
        <source>The fund for {year} has {left} yuan left of {total}: this project would overspend it.</source>
        <translation>{year}年专项资金总额 {total} 元，尚余 {left} 元：安排本项目将超出总额。</translation>
    </message>
    <message>
        <source>The amount approved cannot exceed the amount applied for.</source>
        <translation>核定金额不能超过申请金额。</translation>
    </message>
    <message>
        <source>“{name}” is already in the list (same kind and township). Choose it there, or give this one another name.</source>
        <translation>“{name}”已在列表中（类别和所属乡镇相同）。请直接选用它，或另取名称。</translation>
    </message>
    <message>
        <source>The code “{code}” is already used by “{name}”. Leave the code empty to have one made.</source>
        <translation>代码“{code}”已被“{name}”使用。代码可留空，由程序生成。</translation>
    </message>
    <message>
        <source>Choose the township this township government or office belongs to.</source>
        <translation>请选择该乡镇级单位所属的乡镇。</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Edit visit</source>
        <translation>修改走访记录</translation>
    </message>
    <message>
        <source>Record a visit</source>
        <translation>登记走访记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>所属联络站</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <source>Deputies visiting</source>
        <translation>走访代表</translation>
    </message>
    <message>
        <source>Other visitors</source>
        <translation>其他走访人员</translation>
    </message>
    <message>
        <source>Standing-committee members or staff who are not deputies</source>
        <translation>非代表的常委会组成人员或工作人员</translation>
    </message>
    <message>
        <source>Deputies visited</source>
        <translation>被走访代表</translation>
    </message>
    <message>
        <source>Constituents visited</source>
        <translation>被走访群众</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>走访人数</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>情况摘要</translation>
    </message>
</context>
<context>
    <name>VisitKind</name>
    <message>
        <source>Deputies visit constituents</source>
        <translation>代表走访群众</translation>
    </message>
    <message>
        <source>Officials visit deputies</source>
        <translation>人大干部走访代表</translation>
    </message>
</context>
<context>
    <name>VoteKind</name>
    <message>
        <source>Selection vote</source>
        <translation>项目票决</translation>
    </message>
    <message>
        <source>Year-end satisfaction vote</source>
        <translation>年终满意度测评</translation>
    </message>
</context>
<context>
    <name>Workbook</name>
    <message>
        <source>Sheet “{sheet}” has the column “{column}” twice (cells {first} and {second}). Delete or rename one of them and import again.</source>
        <translation>工作表「{sheet}」中「{column}」列出现了两次（单元格 {first} 和 {second}）。请删除或改名其中一列后再导入。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” has more than {max} rows. Split it into workbooks of at most {max} rows and import them one by one.</source>
        <translation>工作表「{sheet}」超过 {max} 行。请拆分成每个不超过 {max} 行的工作簿逐个导入。</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}” (cell {cell}) holds a formula. Copy the column and paste it back with Paste Special &gt; Values, then import again.</source>
        <translation>第 {row} 行「{column}」列（单元格 {cell}）是公式。请复制该列，再用“选择性粘贴—数值”粘贴回去后导入。</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}” (cell {cell}) is part of the merged cells {range}. Unmerge them, fill in every row, and import again.</source>
        <translation>第 {row} 行「{column}」列（单元格 {cell}）属于合并单元格 {range}。请取消合并并逐行填写后再导入。</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}” (cell {cell}) holds {length} characters; at most {max} can be imported. Shorten the text and import again.</source>
        <translation>第 {row} 行「{column}」列（单元格 {cell}）有 {length} 个字，最多只能导入 {max} 个字。请删减后再导入。</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}” (cell {cell}) is empty; it must be filled in.</source>
        <translation>第 {row} 行「{column}」列（单元格 {cell}）为空，此列必须填写。</translation>
    </message>
    <message>
        <source>{count} of the rows read are hidden in Excel (for example by a filter), and they are imported too. The first is row {row}.</source>
        <translation>有 {count} 行在 Excel 中被隐藏（例如被筛选），这些行也会导入。第一行是第 {row} 行。</translation>
    </message>
    <message>
        <source>{count} rows have something only in columns that are not imported, and were skipped. The first is row {row}.</source>
        <translation>有 {count} 行只在不导入的列中有内容，已跳过。第一行是第 {row} 行。</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}” (cell {cell}) holds a long number that Excel has already rounded (it keeps only 15 digits). Set the column&apos;s format to Text, type the number again, and import again.</source>
        <translation>第 {row} 行「{column}」列（单元格 {cell}）是长数字，Excel 已将其舍入（只保留 15 位）。请把该列格式设为“文本”，重新输入号码后再导入。</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}” (cell {cell}): “{value}” is not a date. Enter a date such as 2025-03-05 or 2025年3月5日.</source>
        <translation>第 {row} 行「{column}」列（单元格 {cell}）：「{value}」不是日期。请填写如 2025-03-05 或 2025年3月5日。</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}” (cell {cell}): “{value}” is not a whole number. Enter a number such as 3.</source>
        <translation>第 {row} 行「{column}」列（单元格 {cell}）：「{value}」不是整数。请填写如 3。</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}” (cell {cell}): “{value}” is not a number with at most one decimal place. Enter a number such as 2.5.</source>
        <translation>第 {row} 行「{column}」列（单元格 {cell}）：「{value}」不是最多一位小数的数字。请填写如 2.5。</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}” (cell {cell}): “{value}” is not an amount in yuan with at most two decimal places. Enter an amount such as 12.50.</source>
        <translation>第 {row} 行「{column}」列（单元格 {cell}）：「{value}」不是最多两位小数的金额（元）。请填写如 12.50。</translation>
    </message>
    <message>
        <source>“{file}” is not a workbook this program can read. Open it in Excel or WPS, save it as an Excel workbook (.xlsx), and import that file.</source>
        <translation>「{file}」不是本程序能读取的工作簿。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。</translation>
    </message>
    <message>
        <source>“{file}” cannot be opened: it is damaged or is not really an Excel workbook. Open it in Excel or WPS, save it again as .xlsx, and import that file.</source>
        <translation>「{file}」无法打开：文件已损坏，或并不是 Excel 工作簿。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。</translation>
    </message>
    <message>
        <source>“{file}” is protected by a password. Open it in Excel or WPS, remove the password, save it, and import it again.</source>
        <translation>「{file}」设有密码。请在 Excel 或 WPS 中打开并取消密码，保存后再导入。</translation>
    </message>
    <message>
        <source>“{file}” cannot be opened. Check that the file is still there and that no other program is using it, then try again.</source>
        <translation>「{file}」无法打开。请确认文件仍在原处、没有被其他程序占用，然后重试。</translation>
    </message>
    <message>
        <source>“{file}” cannot be saved: it is open in another program (such as Excel or WPS), or the folder cannot be written to. Close the file or choose another folder, and export again.</source>
        <translation>「{file}」无法保存：文件正被其他程序（如 Excel 或 WPS）打开，或该文件夹不允许写入。请关闭文件或换一个文件夹后重新导出。</translation>
    </message>
    <message>
        <source>“{file}” cannot be saved: the disk is full. Free some space or choose another folder, and export again.</source>
        <translation>「{file}」无法保存：磁盘空间已满。请清理空间或换一个文件夹后重新导出。</translation>
    </message>
    <message>
        <source>“{file}” cannot be saved. Choose another folder (on this computer&apos;s disk) and export again.</source>
        <translation>「{file}」无法保存。请换一个文件夹（本机磁盘上的）后重新导出。</translation>
    </message>
    <message>
        <source>“{file}” is {size} MB; workbooks over {max} MB cannot be imported. Split it into smaller workbooks and import them one by one.</source>
        <translation>「{file}」有 {size} MB，超过 {max} MB 的工作簿无法导入。请拆分成几个较小的工作簿逐个导入。</translation>
    </message>
    <message>
        <source>“{file}” has no data in it. Check that you chose the right file.</source>
        <translation>「{file}」中没有数据。请确认选择的文件是否正确。</translation>
    </message>
    <message>
        <source>No sheet of “{file}” has this table&apos;s column headers in its first {rows} rows. The header row should hold headers such as {headers}.</source>
        <translation>「{file}」的各工作表前 {rows} 行中都找不到本表的列名。列名行应包含 {headers} 等列名。</translation>
    </message>
    <message>
        <source>The rows seem to be on the hidden sheet “{sheet}”, which is not read. Unhide it (right-click a sheet tab, Unhide), or copy its rows to a visible sheet, and import again.</source>
        <translation>数据似乎在隐藏的工作表「{sheet}」中，隐藏的工作表不会读取。请取消隐藏（右键单击工作表标签，选择“取消隐藏”），或把数据复制到可见的工作表后再导入。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” has no column {columns}, which must be filled in. Add it to the header row (row {row}) and import again.</source>
        <translation>工作表「{sheet}」缺少必填列 {columns}。请在列名行（第 {row} 行）添加后再导入。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” uses more than {max} columns (something is typed as far as column {last}). Delete the columns that are not part of the table, save, and import again.</source>
        <translation>工作表「{sheet}」使用了超过 {max} 列（第 {last} 列仍有内容）。请删除不属于本表的列，保存后再导入。</translation>
    </message>
    <message>
        <source>This workbook is the template for “{found}” and cannot be imported here. Use the template of the list you are importing into.</source>
        <translation>这是「{found}」的模板，不能导入到这里。请使用要导入的那一类记录的模板。</translation>
    </message>
    <message>
        <source>The hidden sheet “{sheet}” holds data and was not read. If its rows should be imported, unhide it and import again.</source>
        <translation>隐藏的工作表「{sheet}」中有数据，未被读取。如需导入，请取消隐藏后再导入。</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <source>A case is registered before anything else.</source>
        <translation>意见建议须先登记。</translation>
    </message>
    <message>
        <source>The case is already registered.</source>
        <translation>该意见建议已登记。</translation>
    </message>
    <message>
        <source>The case has been deleted.</source>
        <translation>该意见建议已删除。</translation>
    </message>
    <message>
        <source>This step does not fit the case&apos;s present stage.</source>
        <translation>该意见建议当前环节不能进行此操作。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>Enter a date as YYYY-MM-DD.</source>
        <translation>请按“年-月-日”格式输入日期，如 2025-03-05。</translation>
    </message>
    <message>
        <source>Choose one of the listed options.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>Expected a list of record identifiers.</source>
        <translation>记录标识列表格式不正确。</translation>
    </message>
    <message>
        <source>The lead department cannot also co-handle.</source>
        <translation>主办单位不能同时作为协办单位。</translation>
    </message>
    <message>
        <source>The date cannot be before {day}.</source>
        <translation>日期不能早于 {day}。</translation>
    </message>
    <message>
        <source>The return window ended on {last}, {days} working days after the referral.</source>
        <translation>退回期限已于 {last} 届满（交办后 {days} 个工作日）。</translation>
    </message>
    <message>
        <source>The person is not satisfied: refer again.</source>
        <translation>群众不满意，请重新交办。</translation>
    </message>
    <message>
        <source>The person is satisfied: close the case.</source>
        <translation>群众已满意，请办结。</translation>
    </message>
    <message>
        <source>The case is not on the follow-up list.</source>
        <translation>该意见建议不在跟踪办理清单中。</translation>
    </message>
    <message>
        <source>The case has already been escalated.</source>
        <translation>该意见建议已上报县人大。</translation>
    </message>
    <message>
        <source>The case has already been merged into another.</source>
        <translation>该意见建议已并案。</translation>
    </message>
    <message>
        <source>This step follows a refused step.</source>
        <translation>此步骤接在未被接受的步骤之后。</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要给出一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多给出一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少给出一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>需要给出 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>需要给出 %s 个值</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的值：%(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项 %(option)s 不明确，可能是：%(matches)s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>参数 %s 中须给出一个</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>多余的值：%r</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>意外的选项：%s</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
</context>
</TS>
