/** 研究者向けツール（モデルパラメーターのパネル）の日本語メッセージ。 */
export const toolkitJa = {
  'params.summary': 'モデルパラメーター',
  'params.changedCount': '{count} 個を変更',
  'params.intro':
    'モデルのすべてのパラメーター（パラメーター表より）。変更した値はリンク（p.<id>）に含まれ、● で示されます。',
  'params.default': '既定値 {value}',
  'params.range': '範囲 {min}〜{max}',
  'params.reset': '戻す',
  'params.resetNamed': '{id} を {value} に戻す',
  'params.resetAll': 'すべてのパラメーターを戻す',
  'params.changed': '{value} から変更',
} as const;
