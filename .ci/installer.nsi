; SellerDesk's Windows installer, built on Linux by .ci/package with Debian's makensis (NSIS 3).
;
; makensis -DVERSION=0.1.0 -DWINVERSION=0.1.0.1 -DEXE=$PWD/dist/windows/SellerDesk.exe -DICON=$PWD/dist/windows/SellerDesk.ico
;          -DOUTFILE=$PWD/dist/SellerDesk-0.1.0-windows-amd64-setup.exe .ci/installer.nsi
;
; Per-machine install into Program Files (admin rights), Korean pages, Start-menu shortcut and an optional
; desktop shortcut. Installing a newer version over an older one reuses the registered folder and replaces the
; files in place. The seller's data folder (%APPDATA%\SellerDesk: the database, backups and logs) is never
; touched by installing, and the uninstaller removes it only when the seller ticks that box.
; Silent mode: "setup.exe /S" installs with the defaults; "uninstall.exe /S" keeps the data.

; A 64-bit installer for a 64-bit-only app: it lands in the real Program Files and registry view, and a
; 32-bit Windows refuses it before it starts.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION | WINVERSION | EXE | ICON | OUTFILE
  !error "pass -DVERSION -DWINVERSION -DEXE -DICON -DOUTFILE (see .ci/package)"
!endif

!define APPNAME "셀러데스크"
!define APPKEY "SellerDesk"
!define PUBLISHER "SellerDesk"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"

Name "${APPNAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel admin
InstallDir "$PROGRAMFILES64\${APPKEY}"
; An earlier install's folder wins, so an upgrade lands on top of it.
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${WINVERSION}"
VIAddVersionKey /LANG=1042 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1042 "FileDescription" "${APPNAME} 설치 프로그램"
VIAddVersionKey /LANG=1042 "FileVersion" "${WINVERSION}"
VIAddVersionKey /LANG=1042 "ProductVersion" "${WINVERSION}"
VIAddVersionKey /LANG=1042 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1042 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!include "x64.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\SellerDesk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "셀러데스크 실행"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Korean"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "셀러데스크는 64비트 Windows에서만 실행됩니다." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "셀러데스크 (필수)" SecApp
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  SetOverwrite on
  File "/oname=SellerDesk.exe" "${EXE}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Replaced on every install so an upgrade never leaves a shortcut to an old path.
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\SellerDesk.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME} 제거.lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\SellerDesk.exe"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" 60000
SectionEnd

Section "바탕 화면 바로 가기" SecDesktop
  SetShellVarContext all
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\SellerDesk.exe"
SectionEnd

Section "un.셀러데스크 프로그램 (필수)" UnSecApp
  SectionIn RO
  SetShellVarContext all
  Delete "$INSTDIR\SellerDesk.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME} 제거.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  Delete "$DESKTOP\${APPNAME}.lnk"
  DeleteRegKey HKLM "${UNINSTKEY}"
SectionEnd

; Off unless the seller ticks it: the database, its backups and the logs live here.
Section /o "un.내 데이터도 삭제 (상품·주문·백업, 되돌릴 수 없음)" UnSecData
  SetShellVarContext current
  RMDir /r "$APPDATA\${APPKEY}"
SectionEnd
