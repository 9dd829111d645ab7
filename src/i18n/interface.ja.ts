/** Japanese messages of the interface's handling: reset, saved scenarios, scenario files, field problems. */
import type { interfaceEn } from './interface.en';

export const interfaceJa: { readonly [K in keyof typeof interfaceEn]: string } = {
  'history.reset': 'すべてリセット',
  'history.resetHint': '起動時のシナリオに戻す（元に戻せます）',
  'history.notice.reset': 'すべてを起動時のシナリオに戻しました。',
  'history.notice.import': 'シナリオファイル「{name}」を読み込みました。',
  'history.notice.saved': '保存したシナリオ「{name}」を読み込みました。',
  'history.notice.settingHorizon': '設定を{name}に変更しました。観察期間は{from}日から{to}日になりました。',
  'history.notice.settingSchedules':
    '設定を{name}に変更しました。観察期間は{from}日から{to}日になり、すべての群の投与スケジュールはこの設定の既定値に置き換えられました（マウスの用量 mg/kg と患者の用量 mg は一対一に換算できません）。',

  'saved.title': '保存したシナリオ',
  'saved.intro': 'このブラウザーの中だけに保存されます。別のコンピューターへはリンクかファイルで移してください。',
  'saved.name': '名前',
  'saved.save': '現在のシナリオを保存',
  'saved.defaultName': 'シナリオ {n}',
  'saved.empty': 'まだ何も保存されていません。',
  'saved.list': 'このブラウザーに保存したシナリオ',
  'saved.load': '読み込む',
  'saved.loadLabel': '「{name}」を読み込む',
  'saved.rename': '名前を変更',
  'saved.renameLabel': '「{name}」の名前を変更',
  'saved.newName': '「{name}」の新しい名前',
  'saved.renameOk': '名前を保存',
  'saved.cancel': 'キャンセル',
  'saved.delete': '削除',
  'saved.deleteLabel': '「{name}」を削除',
  'saved.deleted': '「{name}」を削除しました。',
  'saved.undo': '元に戻す',
  'saved.dismiss': '閉じる',
  'saved.savedAs': '「{name}」として保存しました。',
  'saved.replaced': '「{name}」として保存しました（同じ名前の古いものは置き換えられました）。',
  'saved.nameEmpty': '名前には見える文字が1文字以上必要です。',
  'saved.problem.quota':
    'ブラウザーの保存領域がいっぱいのため、保存できませんでした。不要な保存済みシナリオを削除するか、シナリオをファイルとして保存してください。',
  'saved.problem.unavailable':
    'このブラウザーではページがデータを保存できない（保存が無効、またはプライベートウィンドウ）ため、保存できませんでした。代わりにファイルとして保存してください。',
  'saved.problem.full': '保存できるのは{max}件までです。先にどれかを削除してください。',
  'saved.unreadable':
    'このブラウザーに保存されたシナリオを読み取れませんでした（保存データが壊れています）。データはそのままにしてあります。',
  'saved.problems': '読み込みましたが、使えなかった部分は既定値にしました：',

  'file.open': 'シナリオファイルを開く…',
  'file.hint': '「シナリオ（JSON）」で保存した .json ファイル。',
  'file.problem.notJson': '「{name}」は正しい JSON ではありません（{detail}）。何も変更していません。',
  'file.problem.notScenario':
    '「{name}」は TIMEscape のシナリオファイルではありません。"format": "timescape-scenario" と "link" が必要です。何も変更していません。',
  'file.problem.tooLarge': '「{name}」はシナリオファイルとしては大きすぎます。何も変更していません。',
  'file.problem.read': '「{name}」を読み取れませんでした。何も変更していません。',
  'file.problem.fields': '「{name}」には不正な項目が{count}件あるため、何も変更していません：',

  'control.armOnly': 'この群だけ',
  'control.armOnlyLabel': '{input}：選択中の群（{arm}）だけに設定',

  'field.notNumber': '数値ではありません。{value}のままにしました。',
  'field.belowMin': '{min}以上にしてください。{value}のままにしました。',
  'field.aboveMax': '{max}以下にしてください。{value}のままにしました。',
  'treatment.stopNotAfterStart': '開始（{start}日目）より後にしてください。{value}のままにしました。',
  'treatment.startNotBeforeStop': '終了（{stop}日目）より前にしてください。{value}のままにしました。',
  'treatment.pastHorizon': '観察期間（{horizon}日目）を超えて続きます。それ以降の投与はシミュレーションされません。',
  'treatment.days': '日',
  'share.more': 'その他',
  'panel.controlsShort': '操作',
  'summary.atDay': '{value}日目',
  'summary.atMonth': '{value}か月目',
  'app.skipToPlay': '再生へ移動',
  'export.wideCsv': '表計算用データ（CSV、群ごとに列）',
  'export.wideScenario': 'TIMEscape のシナリオ：{link}',
  'export.wideUnits': '1日1行。時間は日、腫瘍体積はどの設定でも mm³（モデルの単位）。有効数字6桁。',
  'chart.legend': '{title}の群',
  'readout.cards': '群ごとの値',
};
