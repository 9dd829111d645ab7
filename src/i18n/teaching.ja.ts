/**
 * 実験（プリセット）と授業ガイドの日本語テキスト。キーは teaching.en.ts と同じ。
 * 群の名前はリンクに入るため、40 文字以内にする。
 */
import type { teachingEn } from './teaching.en';

export const teachingJa: { readonly [K in keyof typeof teachingEn]: string } = {
  'preset.nrf2-atezo-bev.title': 'NRF2 とアテゾリズマブ＋ベバシズマブ耐性（肝細胞がん・マウス）',
  'preset.nrf2-atezo-bev.summary':
    'NRF2 高活性の腫瘍は COX-2 を介して PGE2 を産生し、T 細胞を締め出すため、抗 PD-L1＋抗 VEGF-A 療法が効きません。\n' +
    'COX-2 阻害薬を加えると T 細胞が腫瘍内に戻り、治療効果が回復します。',
  'preset.nrf2-atezo-bev.arm.0': 'NRF2 低・無治療',
  'preset.nrf2-atezo-bev.arm.1': 'NRF2 低・アテゾ/ベバ',
  'preset.nrf2-atezo-bev.arm.2': 'NRF2 高・無治療',
  'preset.nrf2-atezo-bev.arm.3': 'NRF2 高・アテゾ/ベバ',
  'preset.nrf2-atezo-bev.arm.4': 'NRF2 高・アテゾ/ベバ＋COX-2 阻害薬',

  'preset.neat1-cd24.title': 'NEAT1・CD24 と抗 PD-1 抗体耐性（肝細胞がん・マウス）',
  'preset.neat1-cd24.summary':
    'NEAT1 高発現の腫瘍では「私を食べないで」シグナルである CD24 が増え、マクロファージが M2 型に傾いて貪食が妨げられます。\n' +
    '抗 PD-1 抗体や抗 CD24 抗体の単剤（6・9・12 日目）では 15 日目までほとんど抑えられませんが、併用すると抑えられます。',
  'preset.neat1-cd24.arm.0': 'NEAT1 低・無治療',
  'preset.neat1-cd24.arm.1': 'NEAT1 高・無治療',
  'preset.neat1-cd24.arm.2': 'NEAT1 高・抗 PD-1',
  'preset.neat1-cd24.arm.3': 'NEAT1 高・抗 CD24',
  'preset.neat1-cd24.arm.4': 'NEAT1 高・抗 PD-1＋抗 CD24',

  'preset.keap1-nrf2-patients.title': '患者における KEAP1/NRF2 変異腫瘍（C-CAT）',
  'preset.keap1-nrf2-patients.summary':
    'KEAP1 変異や NRF2 ホットスポット変異（食道扁平上皮がんの 35.9 %、肺扁平上皮がんの 19.6 %、肺がんの KEAP1 変異 11.0 %）があると NRF2 は常にオンになります。\n' +
    'アテゾリズマブ＋ベバシズマブ投与下で野生型と変異型の腫瘍を比べると、変異型のほうが早く増悪します。',
  'preset.keap1-nrf2-patients.arm.0': 'NRF2 野生型・無治療',
  'preset.keap1-nrf2-patients.arm.1': 'NRF2 野生型・アテゾ/ベバ',
  'preset.keap1-nrf2-patients.arm.2': 'KEAP1/NRF2 変異・無治療',
  'preset.keap1-nrf2-patients.arm.3': 'KEAP1/NRF2 変異・アテゾ/ベバ',

  'preset.osimertinib-igf1r.title': 'オシメルチニブと一過性 IGF-1R 阻害（EGFR 変異肺がん・異種移植）',
  'preset.osimertinib-igf1r.summary':
    'オシメルチニブで腫瘍は縮小しますが、IGF-1R が薬剤耐性パーシスター細胞を生かし続けるため、腫瘍は再び増大します。\n' +
    '40 日間のうち最初の 10 日間だけ IGF-1R 阻害薬を併用すればパーシスター細胞は消えます。40 日間続けても上乗せ効果はなく、毒性は 4 倍になります。',
  'preset.osimertinib-igf1r.arm.0': '無治療',
  'preset.osimertinib-igf1r.arm.1': 'オシメルチニブ 40 日間',
  'preset.osimertinib-igf1r.arm.2': 'オシメルチニブ＋IGF-1R 阻害薬 0〜10 日',
  'preset.osimertinib-igf1r.arm.3': 'オシメルチニブ＋IGF-1R 阻害薬 0〜40 日',
  'preset.osimertinib-igf1r.arm.4': 'AXL 高：オシメルチニブ＋IGF-1R 阻害薬 0〜10 日',

  'preset.il6-pdl1.title': 'IL-6 と抗 PD-L1 抗体（大腸がん肝転移・マウス）',
  'preset.il6-pdl1.summary':
    'IL-6 がないと樹状細胞が成熟して CD8 T 細胞をプライミングしますが、T 細胞が出す IFN が腫瘍の PD-L1 を増やします（適応免疫抵抗性）。\n' +
    'そのため、IL-6 が低いときや阻害されているときに抗 PD-L1 抗体はずっとよく効きます。CD8 T 細胞を除去すると IL-6 低値の優位性は消えます。',
  'preset.il6-pdl1.arm.0': 'IL-6 高・無治療',
  'preset.il6-pdl1.arm.1': 'IL-6 高・抗 PD-L1',
  'preset.il6-pdl1.arm.2': 'IL-6 高・抗 IL-6＋抗 PD-L1',
  'preset.il6-pdl1.arm.3': 'IL-6 欠損・無治療',
  'preset.il6-pdl1.arm.4': 'IL-6 欠損・抗 PD-L1',
  'preset.il6-pdl1.arm.5': 'IL-6 欠損・CD8 除去',

  'preset.imbrave150.title': '患者におけるアテゾリズマブ＋ベバシズマブ±COX-2 阻害薬（肝細胞がん）',
  'preset.imbrave150.summary':
    'IMbrave150 のレジメン（アテゾリズマブ 1200 mg＋ベバシズマブ 15 mg/kg を 3 週ごと）で治療する、患者スケールの腫瘍 1 例です。\n' +
    'NRF2 を上げると効果が薄れ、セレコキシブを加えると効果が戻ることを確かめてください。',
  'preset.imbrave150.arm.0': '無治療',
  'preset.imbrave150.arm.1': 'アテゾ/ベバ',
  'preset.imbrave150.arm.2': 'アテゾ/ベバ＋セレコキシブ',

  'preset.flaura-osimertinib.title': 'FLAURA：患者におけるオシメルチニブとゲフィチニブの一次治療（EGFR 変異肺がん）',
  'preset.flaura-osimertinib.summary':
    '患者スケールの EGFR 変異肺がんにオシメルチニブ 80 mg を毎日投与します。FLAURA（奏効率 80 %、無増悪生存期間中央値 18.9 か月、全生存期間中央値 38.6 か月）に合わせてあります。FLAURA の対照薬ゲフィチニブ 250 mg 毎日の群も並べます。ゲフィチニブは EGFR T790M 変異をもつ細胞を殺せません（オシメルチニブは殺せます）。\n' +
    '数週間で縮小しますが、どちらの薬も殺せない細胞が再増殖し、約 1 年半で増悪します。「バーチャル臨床試験」で 500 例のバーチャル患者に両方の薬を投与し、FLAURA と比べられます。',
  'preset.flaura-osimertinib.arm.0': 'ゲフィチニブ 250 mg 毎日',
  'preset.flaura-osimertinib.arm.1': 'オシメルチニブ 80 mg 毎日',
  'preset.flaura-osimertinib.arm.2': '無治療',

  'preset.hcc-atezo-bev-trial.title':
    '肝細胞がん・アテゾリズマブ＋ベバシズマブ：IMbrave150 に合わせたバーチャル臨床試験',
  'preset.hcc-atezo-bev-trial.summary':
    '仮想の肝細胞がん患者 500 例（NRF2 活性化 36.1 %）に、アテゾリズマブ＋ベバシズマブをセレコキシブ併用あり・なしで投与します。「バーチャル臨床試験」で実行してください。\n' +
    '約 30 % が奏効し（IMbrave150：27〜30 %）、NRF2 高値・PGE2 高値の患者は早く増悪します。',
  'preset.hcc-atezo-bev-trial.arm.0': 'アテゾ/ベバ',
  'preset.hcc-atezo-bev-trial.arm.1': 'アテゾ/ベバ＋セレコキシブ',

  'preset.imbrave150-trial.title': 'IMbrave150：アテゾリズマブ＋ベバシズマブ対ソラフェニブ',
  'preset.imbrave150-trial.summary':
    '仮想の肝細胞がん患者 500 例に、ソラフェニブと、別にアテゾリズマブ＋ベバシズマブを投与します。「バーチャル臨床試験」で実行してください。\n' +
    '奏効、無増悪生存期間、全生存期間を試験と比べてください（ハザード比は PFS 0.59、OS 0.58）。',
  'preset.imbrave150-trial.arm.0': 'ソラフェニブ',
  'preset.imbrave150-trial.arm.1': 'アテゾ/ベバ',

  'lesson.nrf2.title': 'NRF2・PGE2 とアテゾリズマブ＋ベバシズマブ',
  'lesson.nrf2.1.text':
    'NRF2 低活性のマウス肝腫瘍を 2 つ用意しました。一方は無治療、もう一方は 7 日目からアテゾリズマブ＋ベバシズマブを投与します。CD8 T 細胞が入り込むにつれ、治療群の腫瘍は増大が止まります。',
  'lesson.nrf2.1.question': '腫瘍が KEAP1/NRF2 の活性化変異をもっていたら、どうなると思いますか？',
  'lesson.nrf2.2.text':
    '今度は NRF2 高活性の腫瘍です。NRF2 が COX-2 をオンにし、血漿 PGE2 が上がり、T 細胞は腫瘍に入れません。同じ治療がほとんど効かなくなります。',
  'lesson.nrf2.2.question': '治療が効かない理由は、どの 2 つのグラフからわかりますか？',
  'lesson.nrf2.3.text':
    'アテゾリズマブ＋ベバシズマブに COX-2 阻害薬（セレコキシブ）を加えます。PGE2 が下がって T 細胞が戻り、腫瘍は再び治療に反応します。',
  'lesson.nrf2.3.question': 'セレコキシブは全員に投与しますか？それとも先に NRF2 や PGE2 を測りますか？',

  'explain.nrf2Untreated': 'NRF2 が無治療の腫瘍をほとんど変えないのはなぜ？',
  'explain.nrf2Untreated.body':
    'このモデルでは、NRF2 は腫瘍細胞の増殖を速めません。NRF2 は免疫応答を通して働きます。NRF2 が COX-2 をオンにし、腫瘍が PGE2 をつくり、PGE2 が CD8 T 細胞を腫瘍から締め出します（CD8 のグラフを比べてください。腫瘍細胞あたりの T 細胞が数分の 1 になります）。NRF2 は STING も弱めるので、樹状細胞の成熟も減ります。無治療では、入り込んだ少数の T 細胞も PD-L1 に抑えられてほとんど殺さないため、締め出しても体積はほとんど変わりません。無治療の NRF2 高活性と低活性の腫瘍は、28 日目にほぼ同じ大きさになります。アテゾリズマブ＋ベバシズマブの下では T 細胞が殺せるようになり、そこで NRF2 が結果を左右します。',

  'lesson.neat1.title': 'NEAT1・CD24 と抗 PD-1 抗体',
  'lesson.neat1.1.text':
    'NEAT1 高発現の腫瘍は miR-320a を吸着するため、SP1 が増え、「私を食べないで」シグナルの CD24 も増えます。NEAT1 低発現の腫瘍と比べてみましょう。',
  'lesson.neat1.1.question': 'NEAT1 高発現の腫瘍では、どちらの型のマクロファージが優勢になると思いますか？',
  'lesson.neat1.2.text':
    '抗 PD-1 抗体の単剤、または抗 CD24 抗体の単剤を 6・9・12 日目に投与します。15 日目の体積に注目してください。',
  'lesson.neat1.2.question': 'この腫瘍で抗 PD-1 抗体の単剤が効かないのはなぜでしょうか？',
  'lesson.neat1.3.text': '2 つの抗体を併用します。マクロファージが M1 型に戻り、貪食が再開し、T 細胞も働き続けます。',
  'lesson.neat1.3.question': 'この併用療法の対象患者を選ぶには、生検で何を測りますか？',

  'lesson.keap1.title': 'KEAP1/NRF2 変異腫瘍はどのくらい多いのか',
  'lesson.keap1.1.text':
    '日本人患者 60,056 例（C-CAT）では、食道扁平上皮がんの 35.9 %、肺扁平上皮がんの 19.6 % に KEAP1 変異または NRF2 ホットスポット変異がありました。ここでは、患者の野生型腫瘍と変異型腫瘍を、アテゾリズマブ＋ベバシズマブの有無で比べます。',
  'lesson.keap1.1.question': '肺扁平上皮がん患者 500 人の試験なら、こうした変異をもつ人はおよそ何人でしょうか？',
  'lesson.keap1.2.text':
    '変異型腫瘍の NRF2 活性化を半分に設定しました。反応は両者の中間になります。このモデルでは NRF2 はオン／オフのスイッチではなく、連続的なダイヤルです。',
  'lesson.keap1.2.question': '臨床試験では KEAP1/NRF2 変異患者の結果を別に報告すべきでしょうか？その理由は？',

  'lesson.osimertinib.title': 'オシメルチニブと一過性の IGF-1R 阻害',
  'lesson.osimertinib.1.text':
    'EGFR 変異肺がんにオシメルチニブを 40 日間投与します。腫瘍はいったん縮小し、その後再び増大します。薬剤耐性パーシスター細胞が薬を生き延びるためです。',
  'lesson.osimertinib.1.question': 'オシメルチニブを投与し続けているのに、腫瘍が再び増大するのはなぜでしょうか？',
  'lesson.osimertinib.2.text':
    'IGF-1R 阻害薬を、最初の 10 日間だけ、または 40 日間ずっと併用します。曲線と毒性のグラフを比べてください。',
  'lesson.osimertinib.2.question': 'IGF-1R 阻害薬を 10 日目でやめると、どうなるでしょうか？',
  'lesson.osimertinib.3.text':
    '同じ短期併用を AXL 高発現の腫瘍で行います。そのパーシスター細胞は IGF-1R への依存がずっと小さく、上乗せ効果は小さくなります。',
  'lesson.osimertinib.3.question': 'この一過性の併用療法は、どのような患者に使いますか？',

  'lesson.il6.title': '肝転移における IL-6 と抗 PD-L1 抗体',
  'lesson.il6.1.text':
    'マウス肝臓の大腸がんを、IL-6 の多い宿主と IL-6 欠損の宿主で比べます。IL-6 がないと樹状細胞が成熟し、CD8 T 細胞をプライミングします。',
  'lesson.il6.1.question': 'IL-6 がないと腫瘍の増大が遅くなるのはなぜでしょうか？',
  'lesson.il6.2.text':
    '抗 PD-L1 抗体を加えます。活性化した T 細胞が出す IFN-γ が腫瘍の PD-L1 を増やし、抗体がそのブレーキを外します。',
  'lesson.il6.2.question': 'IL-6 が低いときに抗 PD-L1 抗体がよく効くのはなぜでしょうか？',
  'lesson.il6.3.text':
    '対照を 2 つ加えます。IL-6 の多い宿主で IL-6 を抗体で阻害する群と、IL-6 欠損の宿主で CD8 T 細胞を除去する群です。',
  'lesson.il6.3.question': 'CD8 T 細胞除去群は、作用機序について何を示していますか？',
};
