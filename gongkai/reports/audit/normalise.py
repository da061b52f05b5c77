"""Text normalisation before figures are read: full-width forms and traditional characters.

Published reports mix full-width digits and punctuation (１２，３４５；) with ASCII, and
reports from Hong Kong/Macau/Taiwan-facing bodies or old web pages use traditional
characters. Everything downstream works on one canonical form.
"""

from __future__ import annotations

import re

# Characters that matter for reading report structure and labels. ``zhconv`` (pure Python)
# converts the full text when installed; this table is the guaranteed minimum.
_TRADITIONAL = (
    "總总 計计 條条 諮咨 詢询 數数 項项 萬万 億亿 兩两 點点 餘余 約约 達达 "
    "電电 話话 訪访 現现 場场 網网 頁页 問问 開开 資资 廳厅 個个 處处 辦办 "
    "報报 告告 審审 書书 許许 訴讼 訟讼 議议 複复 覆复 結结 轉转 與与 會会 "
    "請请 單单 屬属 國国 規规 範范 類类 務务 職职 機机 構构 關关 歸归 "
    "無无 決决 應应 於于 對对 後后 當当 從从 為为 經经 濟济 業业 體体 "
    "區区 縣县 鄉乡 鎮镇 廣广 東东 門门 們们 來来 這这 說说 見见 認认 "
    "證证 識识 讀读 調调 談谈 計计 訊讯 論论 設设 試试 詳详 誤误 課课 "
    "費费 貢贡 貨货 質质 購购 負负 責责 買买 賣卖 員员 優优 價价 億亿 "
    "統统 細细 終终 組组 織织 絕绝 維维 綜综 線线 練练 縮缩 績绩 續续 "
    "舉举 產产 發发 築筑 簡简 級级 紙纸 級级 編编 總总 標标 樣样 檔档 "
    "權权 極极 構构 查查 壹壹 參参 劃划 劑剂 動动 勞劳 務务 區区 協协 "
    "衛卫 廳厅 齊齐 節节 範范 專专 導导 將将 尋寻 層层 歷历 嚴严 問问 "
    "聽听 聯联 聲声 肅肃 腦脑 臨临 舊旧 藝艺 處处 號号 蘭兰 虛虚 補补 "
    "覽览 觀观 覺觉 親亲 訂订 記记 講讲 證证 變变 讓让 貴贵 車车 軍军 "
    "輸输 辭辞 過过 運运 還还 進进 遠远 適适 選选 遺遗 郵邮 鄰邻 醫医 "
    "釋释 鐘钟 錄录 鑒鉴 長长 閉闭 閱阅 陣阵 陳陈 陸陆 隊队 階阶 際际 "
    "險险 隱隐 難难 雙双 雜杂 離离 電电 靜静 響响 項项 順顺 預预 領领 "
    "頻频 題题 額额 風风 飛飞 養养 馬马 驗验 體体 點点 黨党 齡龄 傳传 "
    "億亿 僅仅 價价 儀仪 備备 優优 兒儿 內内 剛刚 務务 勢势 勵励 匯汇 "
    "廠厂 歲岁 歸归 殘残 氣气 漢汉 滿满 準准 灣湾 為为 無无 獎奖 獲获 "
    "環环 現现 產产 畫画 當当 疇畴 療疗 發发 盡尽 監监 盤盘 確确 礎础 "
    "禮礼 種种 稅税 穩稳 窮穷 競竞 筆笔 節节 範范 築筑 簽签 糧粮 係系 "
    "紀纪 約约 級级 紛纷 純纯 紹绍 經经 綫线 緊紧 線线 編编 緣缘 縱纵 "
    "績绩 總总 繳缴 繼继 續续 罰罚 羅罗 義义 習习 聞闻 聯联 職职 肅肃 "
    "脫脱 與与 興兴 舉举 舊旧 莊庄 華华 萬万 葉叶 著着 蔣蒋 藥药 處处 "
    "號号 蟲虫 術术 衝冲 裝装 補补 製制 複复 覆复 見见 規规 視视 親亲 "
    "覽览 觀观 計计 訂订 認认 討讨 訓训 託托 記记 訟讼 設设 許许 評评 "
    "診诊 註注 詞词 試试 詩诗 話话 該该 詳详 誌志 認认 誤误 說说 請请 "
    "諸诸 課课 調调 談谈 論论 謀谋 講讲 謝谢 證证 識识 譯译 議议 護护 "
    "讀读 變变 讓让 豐丰 貝贝 負负 財财 責责 貨货 販贩 貧贫 購购 貿贸 "
    "費费 資资 賓宾 賞赏 質质 賴赖 趙赵 趨趋 跡迹 踐践 車车 軟软 較较 "
    "載载 輔辅 輕轻 輯辑 輸输 轄辖 辦办 農农 這这 連连 週周 進进 遊游 "
    "運运 過过 達达 違违 遞递 遠远 遷迁 選选 遺遗 邊边 邏逻 鄉乡 鄭郑 "
    "醫医 釋释 針针 鈔钞 鐵铁 錢钱 錯错 鍵键 鎮镇 長长 門门 閃闪 開开 "
    "間间 閱阅 闆板 隨随 隻只 雖虽 雞鸡 雲云 電电 靈灵 韓韩 頁页 頂顶 "
    "項项 須须 預预 頒颁 頓顿 領领 頭头 頻频 顯显 類类 願愿 顧顾 風风 "
    "飯饭 館馆 駐驻 騰腾 驗验 髮发 鬥斗 魚鱼 鳥鸟 麥麦 黃黄 齊齐 龍龙 "
    "廳厅 廢废 廣广 彙汇 徵征 態态 慶庆 憑凭 應应 懷怀 戰战 戶户 挾挟 "
    "據据 擔担 擇择 擊击 擴扩 擾扰 攝摄 敗败 數数 斷断 於于 時时 晉晋 "
    "暢畅 曆历 會会 東东 條条 來来 構构 槍枪 樂乐 標标 樓楼 樞枢 橋桥 "
    "機机 檢检 檔档 權权 欄栏 歡欢 歷历 錄录 傷伤 債债 傾倾 償偿 僱雇"
)
_TABLE = str.maketrans(
    {pair[0]: pair[1] for pair in _TRADITIONAL.split() if len(pair) == 2 and pair[0] != pair[1]}
)

_FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "．": ".",
        "％": "%",
        "，": ",",
        "：": ":",
        "；": ";",
        "（": "(",
        "）": ")",
        "　": " ",
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "﹪": "%",
        "‰": "‰",
    }
)

try:  # pragma: no cover - depends on the environment
    import zhconv as _zhconv
except ImportError:  # pragma: no cover
    _zhconv = None


def to_simplified(text: str) -> str:
    text = text.translate(_TABLE)
    if _zhconv is not None:
        text = _zhconv.convert(text, "zh-cn")
    return text


def normalise(text: str) -> str:
    """Canonical form: simplified characters, ASCII digits and punctuation, single spaces kept."""
    text = to_simplified(text).translate(_FULLWIDTH)
    text = re.sub(r"\r\n?", "\n", text)
    return text
