; Inno Setup 6 script: wraps dist\LiaisonDesk (built by build_installer.spec) into one
; LiaisonDesk-Setup-<version>.exe for the station PCs. README, "The Windows build", says how.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\liaison-desk.iss
;
; Per user, no administrator rights (a station clerk rarely has them): the program goes to
; %LOCALAPPDATA%\Programs\LiaisonDesk, its data to %LOCALAPPDATA%\LiaisonDesk (never touched by
; an uninstall: the database and its backups stay). Bundle files (.ldbundle) open with the
; program: a double-click starts their import, in the window already open if there is one.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "LiaisonDesk.exe"

[Setup]
AppId={{6F1D7C52-3B0A-4E4F-9C61-4C1D0D7A3B21}
AppName=联络站工作台
AppVersion={#AppVersion}
AppPublisher=县人大常委会代表工作委员会
DefaultDirName={localappdata}\Programs\LiaisonDesk
DefaultGroupName=联络站工作台
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=LiaisonDesk-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\liaison-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
DisableProgramGroupPage=yes
; A running copy: Setup asks the clerk before closing it (it never closes one silently).
CloseApplications=yes

[Languages]
; ChineseSimplified.isl: in Inno Setup's Languages folder (recent Inno Setup 6 releases ship it;
; otherwise it is on jrsoftware.org's translations page).
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh_CN.DesktopIcon=在桌面创建快捷方式
en.DesktopIcon=Create a desktop shortcut
zh_CN.BundleType=联络站数据包
en.BundleType=Liaison Desk bundle

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"

[Files]
Source: "..\..\dist\LiaisonDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\联络站工作台"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\联络站工作台"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The bundle file type, for this user: double-click a .ldbundle to import it.
Root: HKCU; Subkey: "Software\Classes\.ldbundle"; ValueType: string; ValueData: "LiaisonDesk.Bundle"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\LiaisonDesk.Bundle"; ValueType: string; ValueData: "{cm:BundleType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\LiaisonDesk.Bundle\DefaultIcon"; ValueType: string; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\LiaisonDesk.Bundle\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Flags: nowait postinstall skipifsilent
