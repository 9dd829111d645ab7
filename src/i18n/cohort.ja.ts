/**
 * バーチャル臨床試験画面の日本語メッセージ。キーは cohort.en.ts と同じ（CohortCatalogue 型なので、欠けたキーや
 * 余分なキーは型エラーになる）。
 *
 * 用語は RECIST 1.1 の日本語訳に合わせる：完全奏効（CR）、部分奏効（PR）、安定（SD）、進行（PD）、最良総合効果。
 * PFS の「progression」は「増悪」とする。プレースホルダーは {name} と書き、tc(key, { name: ... }) で埋める。
 */
import type { CohortCatalogue } from './cohort.en';

export const cohortJa: CohortCatalogue = {
  'trial.heading': 'バーチャル臨床試験',
  'trial.intro':
    'どの群の治療も、同じ進行肝細胞がん（「EGFR 変異肺がん（患者）」モデルでは進行 EGFR 変異肺がん）の仮想患者集団に行います。評価間隔ごとに腫瘍を測定して RECIST 1.1 で効果を判定し、無増悪生存期間（PFS）は、初めて増悪と判定された評価時点までの期間とします。',
  'trial.settings': '試験の設定',
  'trial.size': '患者数',
  'trial.sizeUnit': '例',
  'trial.seed': '乱数シード',
  'trial.seedHint': '同じシードからは同じ患者集団が生成されます。',
  'trial.cancer': 'がん種',
  'trial.lungPopulation':
    'FLAURA と同様の EGFR 変異肺がん患者です。オシメルチニブの殺細胞効果、耐性細胞の量、増殖速度、腫瘍の大きさが患者ごとに異なります。NRF2・PGE2・NEAT1 による層別はありません。',
  'trial.nrf2Share':
    'NRF2 活性化群：患者の {share} %（HCC はリン酸化 NRF2 免疫染色、他のがんは KEAP1/NRF2 変異による）',
  'source.nrf2.hcc': '切除 HCC 335 例の 36.1 % が P-NRF2 陽性（Iseda et al. 2021）',
  'source.nrf2.escc': '食道扁平上皮がんの 35.9 % に NFE2L2 ホットスポット変異（シード 002、C-CAT）',
  'source.nrf2.lusc': '肺扁平上皮がんの 19.6 % に NFE2L2 ホットスポット変異（シード 002、C-CAT）',
  'source.nrf2.lung': '肺がんの 11.0 % に KEAP1 変異（シード 002、C-CAT）',
  'source.nrf2.pan-cancer': '進行固形がん 60,056 例の 2.5 % に KEAP1 変異（シード 002、C-CAT）',
  'source.finn2020': 'Finn et al., NEJM 2020; 382:1894–1905（IMbrave150 主解析）',
  'source.soria2018': 'Soria et al., NEJM 2018; 378:113–125（FLAURA 主解析）',
  'source.ramalingam2020': 'Ramalingam et al., NEJM 2020; 382:41–50（FLAURA 全生存期間の最終解析）',
  'source.salem2021':
    'Salem et al., Cancer Med 2021; 10:5437–5447（IMbrave150 の奏効の特徴：奏効までの期間の中央値、RECIST 1.1、範囲 1.2–12.3 か月）',
  'source.cox2Evidence': 'Yamamoto, Kodama et al., Hepatology 2026（論文の DOI 10.1097/HEP.0000000000001677）',
  'source.cox2Caveat':
    'Finn et al., NEJM 2020（IMbrave150 の適格基準）；EASL 非代償性肝硬変診療ガイドライン、J Hepatol 2018',
  'trial.nrf2Source': '出典：{source}',
  'trial.interval': '評価間隔',
  'trial.intervalUnit': '日',
  'trial.intervalHint': '{weeks} 週ごと（IMbrave150 試験では 6 週ごと）',
  'trial.pge2Cutoff': '血漿 PGE2 のカットオフ値',
  'trial.pge2CutoffHint':
    'ベースラインの血漿 PGE2（pg/mL。健常成人はおよそ 30〜50 pg/mL）で患者を 2 群に分けます。変更するとバイオマーカーの表示がすぐに更新されます（再実行は不要です）。',
  'trial.arms': '治療群',
  'trial.armsHint': '治療群はエクスプローラーと共通です。ハザード比は最初の群を対照として算出します。',
  'trial.hiddenArms': 'エクスプローラーと同じく、非表示の {count} 群は除外しています。',
  'trial.editArms': 'エクスプローラーで治療群を編集',
  'trial.needSetting':
    'バーチャル臨床試験は「肝細胞がん（患者）」と「EGFR 変異肺がん（患者）」モデルでのみ実行できます。エクスプローラーは現在「{setting}」に設定されています。',
  'trial.needArms': '臨床試験では 2 群以上を比較します。現在のシナリオは {count} 群です。',
  'trial.usePreset': '肝細胞がん・アテゾリズマブ＋ベバシズマブを読み込む',
  'trial.usePresetHint': 'IMbrave150 のレジメン（セレコキシブ併用あり・なし）を {size} 例で読み込みます。',
  'trial.useImbrave150': 'IMbrave150 を使う：アテゾリズマブ＋ベバシズマブ 対 ソラフェニブ',
  'trial.useImbrave150Hint': '試験の 2 群（対照はソラフェニブ）を {size} 例で読み込み、試験の結果と比較します。',
  'trial.cancer.hcc': '肝細胞がん',
  'trial.cancer.escc': '食道扁平上皮がん（ESCC）',
  'trial.cancer.lusc': '肺扁平上皮がん（LUSC）',
  'trial.cancer.lung': '肺がん（全組織型）',
  'trial.cancer.pan-cancer': '固形がん（がん種横断）',

  'cost.estimate':
    'この端末での所要時間の見積もり：{patients} 例 × {arms} 群・{days} 日間をワーカー {workers} 個で約 {duration}（1 例あたり {ms} ミリ秒、{source}）。',
  'cost.fromProbe': '最初の {count} 例で計測',
  'cost.fromRun': '前回の実行で計測',
  'cost.measuring': '{patients} 例 × {arms} 群・{days} 日間の計算にかかる時間をこの端末で計測しています…',
  'cost.failed': 'この端末での計算時間を計測できませんでした。試験は実行できます。',
  'cost.seconds': '{value} 秒',
  'cost.minutes': '{value} 分',

  'run.start': '試験を実行',
  'run.again': '再実行',
  'run.cancel': 'キャンセル',
  'run.progress': '患者のシミュレーションの進捗',
  'run.progressText': '{done}／{total} 例',
  'run.running': '実行中：{done}／{total} 例（ワーカー {workers} 個で計算）…',
  'run.partial': '途中経過：これまでに完了した {done} 例に基づく結果です。',
  'run.done': '{total} 例 × {arms} 群を {seconds} 秒で計算しました。',
  'run.cancelled': '{total} 例中 {done} 例が完了した時点でキャンセルしました。以下はこれらの患者のみの結果です。',
  'run.cancelledEmpty': '患者が 1 例も完了しないうちにキャンセルしました。',
  'run.error': '試験の実行に失敗しました：{message}',
  'run.retry': '再試行',
  'run.errorPartial': '以下は、失敗する前に完了した {done}／{total} 例のみの結果です。',
  'run.stale': '前回の実行後に設定または治療群が変更されました。結果を更新するには再実行してください。',
  'run.empty':
    'まだ結果はありません。設定を選んで「試験を実行」を押してください。患者のシミュレーションが進むにつれて、奏効率、カプラン・マイヤー曲線、ウォーターフォールプロット、スパイダープロットがここに表示されます。',
  'run.waiting': '最初の患者を計算しています…',
  'run.fromLink':
    'このリンクの試験を乱数シード {seed} から再計算しています。同じ患者集団から同じ結果が得られます。「キャンセル」で中止でき、「試験を実行」でやり直せます。',
  'run.doneFromLink': 'リンクから再計算しました：{total} 例 × {arms} 群、{seconds} 秒。',
  'run.openingKept': 'このブラウザーに保存されているこの試験の結果を開いています…',
  'run.doneFromKept':
    'このブラウザーに保存されていたこの試験の結果を開きました（{total} 例 × {arms} 群、乱数シード {seed}）。「再実行」でシードから計算し直せます。',

  'export.heading': '結果の保存',
  'export.patients': '患者データ（CSV）',
  'export.km': 'カプラン・マイヤー表（CSV）',
  'export.responses': '効果の表（CSV）',
  'export.hint':
    '患者データ：患者と群の組ごとに 1 行（最良総合効果、最大縮小率、PFS、OS、奏効日、ベースラインの共変量）。カプラン・マイヤー表：各時点のリスク集合の大きさ、イベント数、打ち切り数と 95 % 信頼帯。各図はタイトル横のボタンから SVG または PNG で保存できます。リンクからは同じ試験を再現できます。',
  'export.whenDone': '実行が終わる（またはキャンセルする）と保存できます。',
  'export.partial': '実行は最後まで終わっていません。ファイルには完了した {done}／{total} 例のみが含まれます。',
  'export.saved': '{file} を保存しました。',
  'export.failed': 'ファイルを保存できませんでした：{message}',
  'export.figure': '図「{title}」を保存',
  'export.figureAs': '「{title}」を {format} で保存',

  'help.rates': 'ORR、DCR、HR とかっこ内の数値の意味は？',
  'help.rates.body':
    'ORR（奏効率）：確定後の最良総合効果が完全奏効（CR：標的病変が消失）または部分奏効（PR：径がベースラインから 30 % 以上縮小）だった患者の割合。DCR（病勢コントロール率）：CR＋PR＋安定（SD：奏効でも増悪でもない）。最初の評価ですでに増悪と判定された患者（PD）と、一度も評価されなかった患者だけが DCR から外れます。NE（評価不能）：ベースライン後の評価がない患者。最初の評価より前に死亡したか、試験の画像評価から外れた（未治療、同意撤回、早期の有害事象）ためです。IMbrave150 試験では 6.8 %、ソラフェニブ群で 20.2 % でした。割合はすべて NE を含む群の全患者に対するもので、試験と同じです。HR（ハザード比）：まだ増悪していない患者が各時点で増悪する頻度を、対照群（最初の群）と比べた比。0.59 なら 1 か月あたりの増悪が 41 % 少なく、1 なら差がないことを意味し、Cox モデルで推定します。p：両群の曲線が等しいかを調べるログランク検定。かっこ内は 95 % 信頼区間で、同じ人数の患者を引き直したときに数値がどれだけ動きうるかを示します。標本抽出のばらつきだけを数えたもので、モデル自体の不確かさは含みません。',
  'help.nr': '「NR」とは？',
  'help.nr.body':
    'PFS 中央値は、カプラン・マイヤー曲線が初めて 50 % 以下になる時点です。追跡期間（ここでは {months} か月）の終わりにまだ半数を超える患者が増悪していなければ、曲線は 50 % に届かず、中央値は「未到達」（NR）となります。95 % 信頼区間の上限・下限も信頼帯で同じように求めるので、信頼帯が 50 % より上にとどまれば、その限界値が NR になります（例：「8.3（6.9–NR）」）。患者を増やすか追跡を延ばせば NR が数値になることがあります。NR は「無限大」という意味ではありません。',
  'help.steps': '中央値が評価日に重なるのはなぜ？',
  'help.steps.body':
    '増悪は腫瘍を測定したときにしか分かりません。ここでは IMbrave150 試験と同じく {weeks} 週（{days} 日）ごとに評価します。そのため PFS はすべて評価間隔の整数倍（または追跡終了日）になり、カプラン・マイヤー曲線は評価日（{list} か月…）にだけ下がり、中央値とその信頼限界もこれらの日のいずれかになります。曲線が段の間で異なっていても、2 群の中央値が同じになることがあります。評価日の間に来るのは、増悪より前の死亡（これも PFS を終わらせます）だけです。実際の試験では画像検査の日が数日ずれるため、段はなだらかになります。',
  'help.os': '全生存期間はどのようにモデル化している？',
  'help.os.body':
    '仮想患者は毎日一定の死亡リスクを持ちます。背景リスク（肝細胞がんでは肝疾患によるもの、EGFR 変異肺がんでは同年齢の人と同じもの）、腫瘍が大きいほど高まるリスク、そして増悪後に高まるリスク（後治療の効果はここに含めており、これは明示した単純化です）の和です。同じ患者はどの群でも同じ「運」を持つので、群の差は治療が腫瘍に与える効果だけから生じます。追跡終了（{months} か月）時点で生存している患者は打ち切りとします。IMbrave150 試験や FLAURA 試験と同じく、増悪前の死亡も PFS のイベントに数えるため、PFS が評価日の間で終わることがあります。12 か月 OS 率は 365 日時点のカプラン・マイヤー推定値で、95 % 信頼帯を添えています。',
  'help.untreated': '無治療群にも PFS があるのはなぜ？',
  'help.untreated.body':
    'PFS は、増悪（それまでの最小値から径が 20 % 以上かつ 5 mm 以上増大）が初めて確認された評価時点で終わります。径が 20 % 大きくなるのは体積にして約 73 % の増大で、しかも増大は次の評価で初めて分かります。したがって無治療の患者の PFS は、腫瘍がそれだけ大きくなるまでの期間を評価日に切り上げたものです。増殖の速い腫瘍は最初の評価（{first} か月）で増悪し、遅い腫瘍は追跡終了までに増悪せず打ち切りとなります。実際の試験のプラセボ群に PFS があるのも同じ理由です。',

  'results.heading': '結果',
  'results.table': '群別の結果',
  'results.arm': '群',
  'results.n': '例数',
  'results.orr': 'ORR（95 % CI）',
  'results.dcr': 'DCR（95 % CI）',
  'results.medianPfs': 'PFS 中央値（か月、95 % CI）',
  'results.p': 'ログランク p 値',
  'results.responseCaption': '最良総合効果（確定、RECIST 1.1）',
  'results.timeToResponse': '奏効までの期間の中央値（か月）',
  'results.survivalCaption': '生存期間（ハザード比は{reference}に対する値）',
  'results.pfsHr': 'PFS の HR（95 % CI）',
  'results.medianOs': 'OS 中央値（か月、95 % CI）',
  'results.os12': '12 か月 OS 率（95 % CI）',
  'results.osHr': 'OS の HR（95 % CI）',
  'results.reference': '対照',
  'results.notReached': 'NR',
  'results.method':
    '奏効率（ORR）＝ CR＋PR、病勢コントロール率（DCR）＝ CR＋PR＋SD（RECIST 1.1 による確定後の最良総合効果）で、95 % 信頼区間は Wilson 法。PFS と OS の中央値はカプラン・マイヤー法で推定し、95 % 信頼区間は log-log 変換（Brookmeyer–Crowley 法）。NR は未到達。PFS は増悪または死亡まで、OS は死亡までの期間。12 か月 OS 率は 365 日時点のカプラン・マイヤー推定値と log-log 信頼帯。奏効までの期間は、奏効例で奏効が初めて確認された日の中央値。ハザード比（HR）は Cox 比例ハザードモデル（同順位は Efron 法）、95 % 信頼区間は Wald 法。p 値はログランク検定。月数＝日数／30.44。',

  'hypothesis.badge': '仮説',
  'hypothesis.heading': 'COX-2 阻害薬の上乗せは仮説であり、予測ではありません',
  'hypothesis.body':
    'アテゾリズマブ＋ベバシズマブに COX-2 阻害薬を加える治療を検証したランダム化試験はありません。モデルの効果は、マウスの実験（COX-2 阻害薬が NRF2 による耐性を解消した）と観察研究の結果（たまたま COX-2 阻害薬を服用していた患者の PFS が長かった）に基づいており、後者はそれらの患者の別の違いで説明できる可能性があります。これらの群の数値はモデルの仮定から導かれるものを示すにすぎません。信頼区間は標本抽出のばらつきだけを数えたもので、妥当なモデルの範囲でのばらつきはさらに大きくなります。',
  'hypothesis.caveatLabel': '注意：',
  'hypothesis.caveat':
    'セレコキシブは NSAID です。肝硬変のある患者でベバシズマブと併用すると、出血（ベバシズマブで高まる。静脈瘤）と腎障害（肝硬変では NSAID が腎血流を減らす）のリスクが加わります。ここに示す内容は治療の推奨ではありません。',
  'hypothesis.fileNote': '{arms}：仮説（COX-2 阻害薬の上乗せ。臨床試験では未検証）であり、予測ではありません。',
  'hypothesis.sources': '根拠：{evidence}。注意の出典：{caveat}。',

  'spread.heading': '妥当なモデルの範囲でのばらつき',
  'spread.intro':
    '表のかっこ内は標本抽出（同じ人数の患者を引き直すこと）によるばらつきだけを数えたものです。この試験を {draws} 通りの妥当なパラメーターの組（各パラメーターを文献に基づく範囲内で動かし、患者は同じ）で繰り返すと、モデル自体の不確かさがどれだけ加わるかが分かります。',
  'spread.cost': '計算量：{patients} 例 × {arms} 群の試験を {draws} 回。この端末でおよそ {duration}。',
  'spread.unknownTime': '（所要時間はまだ測定されていません）',
  'spread.run': '妥当なモデルの範囲で計算',
  'spread.again': 'もう一度計算',
  'spread.running': '{total} 回中 {done} 回の試験が完了…',
  'spread.cancelled': 'キャンセルしました。妥当なモデルの範囲でのばらつきはありません。',
  'spread.done': '{draws} 通りの妥当なパラメーターの組で計算しました。',
  'spread.caption': 'この試験の値と標本抽出による信頼区間、および妥当なモデルの範囲での中央 95 %',
  'spread.figure': '{sampling}；妥当なモデルの範囲 {across}',
  'spread.pfsHr': 'PFS の HR（{name} 対 {reference}）',
  'spread.osHr': 'OS の HR（{name} 対 {reference}）',
  'spread.orr': 'ORR（{name}）',
  'spread.medianPfs': 'PFS 中央値（か月、{name}）',
  'spread.medianOs': 'OS 中央値（か月、{name}）',
  'spread.size': '試験を繰り返す妥当なモデルの数：',
  'spread.os12': '12 か月 OS（{name}）',
  'spread.directions': 'シード 000 のバイオマーカーの向き（妥当なモデルの範囲）',
  'spread.directionShares':
    '{name}：NRF2 活性型の患者の PFS が短いのは {draws} 通りの妥当なモデルのうち {nrf2}、PGE2 高値の患者では {pge2}。',
  'spread.note':
    '妥当なモデルの範囲：パラメーターの組全体での値の 2.5〜97.5 パーセンタイル（中央値が未到達の場合は NR）。「仮説」と記した群は、これらの組が COX-2 阻害薬について置いている仮定に依存します。',

  'compare.heading': 'モデルと IMbrave150 試験の比較',
  'compare.atezoBev': 'アテゾリズマブ＋ベバシズマブ',
  'compare.sorafenib': 'ソラフェニブ',
  'compare.figure': '評価項目',
  'compare.model': 'モデル（95 % CI）',
  'compare.trial': 'IMbrave150（95 % CI）',
  'compare.noArm': '該当する群なし',
  'compare.orr': 'ORR（確定）',
  'compare.cr': '完全奏効',
  'compare.pr': '部分奏効',
  'compare.sd': '安定',
  'compare.pd': '進行（最良総合効果）',
  'compare.ne': '評価不能（ベースライン後の評価なし）',
  'compare.dcr': 'DCR',
  'compare.timeToResponse': '奏効までの期間の中央値（か月）',
  'compare.medianPfs': 'PFS 中央値（か月）',
  'compare.pfsHr': 'ソラフェニブに対する PFS のハザード比',
  'compare.os12': '12 か月 OS 率',
  'compare.osHr': 'ソラフェニブに対する OS のハザード比',
  'compare.note':
    'モデルの信頼区間は標本抽出（試験の規模）によるばらつきだけを数えたもので、モデル自体の不確かさは含みません。最良総合効果の割合（CR・PR・SD・PD・NE）はすべて群の全患者に対するもので、Wilson 法の信頼区間を添えています。目標：率は 5 ポイント以内、中央値は 1 か月以内、ハザード比は 0.1 以内。',
  'compare.noSorafenib':
    'ソラフェニブ単独の群がないため、ソラフェニブの列とハザード比は空欄です。比較するには群を追加するか、ソラフェニブ群を含む IMbrave150 のプリセットを読み込んでください。モデルの信頼区間は標本抽出によるばらつきだけを数えたものです。',
  'compare.sources': '出典：{sources}。',
  'compare.flauraHeading': 'モデルと FLAURA 試験の比較',
  'compare.osimertinib': 'オシメルチニブ',
  'compare.flauraTrial': 'FLAURA（95 % CI）',
  'compare.medianOs': 'OS 中央値（か月）',
  'compare.flauraNote':
    'FLAURA のオシメルチニブ群（279 例）との比較です。対照のゲフィチニブまたはエルロチニブはモデルにありません。無治療群はモデル上の対照で、試験の群ではありません。モデルの区間は標本誤差のみを含みます。目安：割合は 5 ポイント以内、中央値は 1 か月以内。',

  'chart.km': '無増悪生存期間（カプラン・マイヤー曲線）',
  'chart.kmCi': '95 % 信頼区間を表示',
  'chart.survival': '無増悪生存期間と全生存期間',
  'chart.kmOs': '全生存期間（カプラン・マイヤー曲線）',
  'chart.os': '生存率',
  'chart.months': '経過月数',
  'chart.pfs': '無増悪生存率',
  'chart.atRisk': 'リスク集合の例数',
  'chart.censored': '| 打ち切り',
  'chart.waterfall': 'ウォーターフォールプロット：腫瘍径の最良変化率',
  'chart.waterfallNote':
    '棒 1 本が患者 1 例を表し、変化率の順に並べています。破線は −30 %（部分奏効）と +20 %（進行）です。最良変化率は、増悪までの各評価時点における腫瘍径の変化率のうち最小の値です。そのため、増大しかしなかった腫瘍は 0 より上に表示されます。ベースライン後に一度も評価されなかった患者（NE）の棒はありません。',
  'chart.change': 'ベースラインからの変化率（%）',
  'chart.spider': 'スパイダープロット：腫瘍径の推移',
  'chart.spiderNote': 'コホートの最初の {count} 例を表示しています。各線は増悪の時点で終わります。',
  'chart.patients': '例',
  'chart.legend': '凡例',

  'response.CR': '完全奏効',
  'response.PR': '部分奏効',
  'response.SD': '安定',
  'response.PD': '進行',
  'response.NE': '評価不能',

  'bio.heading': 'バイオマーカー',
  'bio.choose': '層別に用いる指標',
  'bio.NRF2': 'NRF2',
  'bio.PGE2': '血漿 PGE2',
  'bio.NEAT1': 'NEAT1',
  'bio.NRF2.high': 'NRF2 活性化群',
  'bio.NRF2.low': 'NRF2 活性化なし',
  'bio.PGE2.high': 'PGE2 ≥ {cutoff}',
  'bio.PGE2.low': 'PGE2 < {cutoff}',
  'bio.NEAT1.high': 'NEAT1 高発現（≥ 0.5）',
  'bio.NEAT1.low': 'NEAT1 低発現（< 0.5）',
  'bio.kmTitle': '{biomarker}別の PFS：{arm}',
  'bio.logRank': 'ログランク p = {p}',
  'bio.table': '{biomarker}別の奏効と PFS（群ごと）',
  'bio.subgroup': 'サブグループ',
  'bio.note': 'p 値は、各群の中で高値と低値のサブグループを比較したものです（ログランク検定）。',
  'bio.empty': '一方のサブグループの患者が少なすぎるため、比較できません。',

  'summary.km': '{months} か月間の無増悪生存期間のカプラン・マイヤー曲線。{arms}',
  'summary.kmArm': '{name}：{n} 例、PFS 中央値 {median} か月。',
  'summary.kmOs': '{months} か月間の全生存期間のカプラン・マイヤー曲線。{arms}',
  'summary.kmOsArm': '{name}：{n} 例、OS 中央値 {median} か月。',
  'summary.waterfall':
    '群「{name}」{n} 例のウォーターフォールプロット：完全奏効 {cr} 例、部分奏効 {pr} 例、安定 {sd} 例、進行 {pd} 例。ORR {orr} %。',
  'summary.spider': '群「{name}」{n} 例のスパイダープロット：各評価時点における腫瘍径の変化率（%）。',
};
