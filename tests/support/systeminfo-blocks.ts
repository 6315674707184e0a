/**
 * The Hyper-V block of systeminfo as people published it, in each UI language (copied verbatim
 * from the posts found with the corpus search; their repositories are listed in
 * tests/fixtures/captures/README.md where they could be identified). Whole outputs with a source
 * URL are replayed as capture fixtures (en, zh-CN, it, es, ru). Shared by the systeminfo-language
 * tests and the decoder tests.
 */
export const BLOCKS: Record<string, { text: string; expect: Record<string, boolean | null> }> = {
  'ja (four lines)': {
    text: 'Hyper-V の要件:         VM モニター モード拡張機能: はい\n                        ファームウェアで仮想化が有効になっています: はい\n                        第 2 レベルのアドレス変換: はい\n                        データ実行防止が使用できます: はい\n',
    expect: { vmMonitorModeExtensions: true, virtualizationFirmwareEnabled: true, slat: true, dep: true, hypervisorDetected: false },
  },
  'ja (hypervisor sentence)': {
    text: 'Hyper-V の要件: ハイパーバイザーが検出されました。Hyper-V に必要な機能は表示されません。\n',
    expect: { hypervisorDetected: true, virtualizationFirmwareEnabled: null },
  },
  'ko (four lines)': {
    text: 'Hyper-V 요구 사항:       VM 모니터 모드 확장: 예\n                         펌웨어에 가상화 사용: 예\n                         두 번째 수준 주소 변환: 예\n                         데이터 실행 방지 사용 가능: 예\n',
    expect: { vmMonitorModeExtensions: true, virtualizationFirmwareEnabled: true, slat: true, dep: true, hypervisorDetected: false },
  },
  'ko (hypervisor sentence)': {
    text: 'Hyper-V 요구 사항: 하이퍼바이저가 검색되었습니다. ...\n',
    expect: { hypervisorDetected: true },
  },
  'zh-TW (hypervisor sentence)': {
    text: 'Hyper-V 需求:    已偵測到 Hypervisor。將不會顯示 Hyper-V 所需功能。\n',
    expect: { hypervisorDetected: true },
  },
  'ru (four lines)': {
    text: 'Требования Hyper-V:               Расширения режима мониторинга виртуальной машины: Да\n                                  Виртуализация включена во встроенном ПО: Да\n                                  Преобразование адресов второго уровня: Да\n                                  Доступно предотвращение выполнения данных: Да\n',
    expect: { vmMonitorModeExtensions: true, virtualizationFirmwareEnabled: true, slat: true, dep: true, hypervisorDetected: false },
  },
  'fr (three lines, the post cut the fourth)': {
    text: 'Configuration requise pour Hyper-V:         Extensions de mode du moniteur d’ordinateur virtuel : Oui\n                                            Virtualisation activée dans le microprogramme : Oui\n                                            Traduction d’adresse de second niveau : Oui\n',
    expect: { vmMonitorModeExtensions: true, virtualizationFirmwareEnabled: true, slat: true, dep: null },
  },
  'fr (hypervisor sentence)': {
    text: '                                            [08]: Hyper-V Virtual Ethernet Adapter\nConfiguration requise pour Hyper-V:         Un hyperviseur a été détecté. Les fonctionnalités nécessaires à Hyper-V ne seront pas affichées.\n',
    expect: { hypervisorDetected: true, vmMonitorModeExtensions: null },
  },
  'pt-BR (hypervisor sentence)': {
    text: 'Requisitos do Hyper-V: Hipervisor detectado. Recursos necessários para o Hyper-V não serão exibidos.\n',
    expect: { hypervisorDetected: true },
  },
  'en (firmware off)': {
    text: 'Hyper-V Requirements:      VM Monitor Mode Extensions: Yes\n                           Virtualization Enabled In Firmware: No\n                           Second Level Address Translation: Yes\n                           Data Execution Prevention Available: Yes\n',
    expect: { virtualizationFirmwareEnabled: false, hypervisorDetected: false },
  },
}
