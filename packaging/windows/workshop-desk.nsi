; Per-user Windows installer of Workshop Desk (NSIS 3). No administrator rights are needed to install: the app goes
; to %LOCALAPPDATA%\Programs\Workshop Desk, with a Start-menu entry, .wdesk files opened by a double-click, and an
; uninstaller (Settings > Apps). The firewall rule that lets phones in the room reach the participant server is the
; one step that needs an administrator: it is an optional component, and Windows asks for consent (UAC) for it alone.
;
;   makensis /DVERSION=0.1.0 /DSOURCE_DIR=dist\workshop-desk /DOUTFILE=dist\WorkshopDesk-0.1.0-setup.exe ^
;            /DICON=build\icons\workshop-desk.ico packaging\windows\workshop-desk.nsi
;
; (.github/workflows/build.yml does this after PyInstaller; the paths are relative to this script's folder unless
; absolute, so the workflow passes absolute ones.)

Unicode true
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\..\dist\workshop-desk"
!endif
!ifndef OUTFILE
  !define OUTFILE "WorkshopDesk-${VERSION}-setup.exe"
!endif

!define APP_NAME "Workshop Desk"
!define APP_ID "WorkshopDesk"
!define APP_EXE "workshop-desk.exe"
!define PROG_ID "WorkshopDesk.Programme"
!define FILE_EXT ".wdesk"
; The TCP port the participant server listens on by default (phones in the room send ideas and votes to it).
!define PARTICIPANT_SERVER_PORT 8765
!define FIREWALL_RULE "Workshop Desk - participant server"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "Software\${APP_ID}" "InstallDir"
RequestExecutionLevel user
ShowInstDetails show
BrandingText "${APP_NAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${APP_NAME}"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_PARAMETERS "--demo"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"

LangString SecAppName ${LANG_FRENCH} "Workshop Desk"
LangString SecAppName ${LANG_ENGLISH} "Workshop Desk"
LangString SecAppDesc ${LANG_FRENCH} "L'application, son entrée dans le menu Démarrer et l'ouverture des fichiers .wdesk par un double-clic."
LangString SecAppDesc ${LANG_ENGLISH} "The app, its Start-menu entry, and .wdesk files opened by a double-click."
LangString SecFirewallName ${LANG_FRENCH} "Autoriser les téléphones de la salle (pare-feu)"
LangString SecFirewallName ${LANG_ENGLISH} "Let phones in the room connect (firewall)"
LangString SecFirewallDesc ${LANG_FRENCH} "Ouvre le port TCP ${PARTICIPANT_SERVER_PORT} du pare-feu Windows à Workshop Desk seul, pour que les participants envoient idées et votes depuis leur téléphone. Windows demande l'accord d'un administrateur."
LangString SecFirewallDesc ${LANG_ENGLISH} "Opens TCP port ${PARTICIPANT_SERVER_PORT} in Windows Firewall to Workshop Desk only, so that participants can send ideas and votes from their phones. Windows asks for an administrator's consent."
LangString FirewallFailed ${LANG_FRENCH} "La règle de pare-feu n'a pas été ajoutée (accord refusé ?). Workshop Desk fonctionne ; Windows demandera l'autorisation au premier lancement du serveur des participants."
LangString FirewallFailed ${LANG_ENGLISH} "The firewall rule was not added (consent refused?). Workshop Desk works; Windows will ask for permission the first time the participant server starts."
LangString FileTypeName ${LANG_FRENCH} "Programme Workshop Desk"
LangString FileTypeName ${LANG_ENGLISH} "Workshop Desk programme"
LangString KeptData ${LANG_FRENCH} "Vos fichiers programme (.wdesk) et les sauvegardes automatiques de $LOCALAPPDATA\${APP_ID} sont conservés."
LangString KeptData ${LANG_ENGLISH} "Your programme files (.wdesk) and the automatic backups in $LOCALAPPDATA\${APP_ID} are kept."

Function .onInit
  ; The installer speaks the system's language: French where Windows is in French, English otherwise.
  ${If} $LANGUAGE != ${LANG_FRENCH}
    StrCpy $LANGUAGE ${LANG_ENGLISH}
  ${EndIf}
FunctionEnd

Function un.onInit
  ${If} $LANGUAGE != ${LANG_FRENCH}
    StrCpy $LANGUAGE ${LANG_ENGLISH}
  ${EndIf}
FunctionEnd

Section "!$(SecAppName)" SecApp
  SectionIn RO
  ; A previous version's files go first, so that nothing stale stays in _internal.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  ; .wdesk files open in Workshop Desk (for this user).
  WriteRegStr HKCU "Software\Classes\${FILE_EXT}" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\${FILE_EXT}" "Content Type" "application/x-wdesk"
  WriteRegStr HKCU "Software\Classes\${FILE_EXT}\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "$(FileTypeName)"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" '"$INSTDIR\${APP_EXE}",0'
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\${APP_EXE}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  ; SHCNE_ASSOCCHANGED: Explorer shows the new icon and opens the files at once.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr HKCU "Software\${APP_ID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" '"$INSTDIR\${APP_EXE}",0'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SecFirewallName)" SecFirewall
  ; An inbound rule for this program and this port only, on every network profile: a venue's Wi-Fi is usually
  ; "public". netsh runs elevated (UAC); when consent is refused the install goes on and says so.
  ExecShellWait "runas" "$SYSDIR\netsh.exe" 'advfirewall firewall delete rule name="${FIREWALL_RULE}"' SW_HIDE
  ExecShellWait "runas" "$SYSDIR\netsh.exe" 'advfirewall firewall add rule name="${FIREWALL_RULE}" dir=in action=allow protocol=TCP localport=${PARTICIPANT_SERVER_PORT} program="$INSTDIR\${APP_EXE}" profile=any enable=yes' SW_HIDE
  nsExec::ExecToStack '"$SYSDIR\netsh.exe" advfirewall firewall show rule name="${FIREWALL_RULE}"'
  Pop $0
  Pop $1
  ${If} $0 != 0
    DetailPrint "$(FirewallFailed)"
    WriteRegDWORD HKCU "Software\${APP_ID}" "FirewallRule" 0
  ${Else}
    DetailPrint "${FIREWALL_RULE}: TCP ${PARTICIPANT_SERVER_PORT}"
    WriteRegDWORD HKCU "Software\${APP_ID}" "FirewallRule" 1
  ${EndIf}
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "$(SecAppDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecFirewall} "$(SecFirewallDesc)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  ReadRegDWORD $0 HKCU "Software\${APP_ID}" "FirewallRule"
  ${If} $0 == 1
    ExecShellWait "runas" "$SYSDIR\netsh.exe" 'advfirewall firewall delete rule name="${FIREWALL_RULE}"' SW_HIDE
  ${EndIf}

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  ReadRegStr $0 HKCU "Software\Classes\${FILE_EXT}" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegKey HKCU "Software\Classes\${FILE_EXT}"
  ${Else}
    DeleteRegValue HKCU "Software\Classes\${FILE_EXT}\OpenWithProgids" "${PROG_ID}"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${APP_EXE}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Only what the installer put there: the app's own folder. Programme files and backups live elsewhere.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\workshop-desk.exe"
  Delete "$INSTDIR\workshop-desk-cli.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP_ID}"
  DetailPrint "$(KeptData)"
SectionEnd
