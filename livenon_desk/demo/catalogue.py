"""A furniture catalogue for demo orders: English and Chinese names, prices, cartons."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    sku: str
    name_en: str
    name_zh: str
    price_cents: int
    cartons: int


# (code, model en, model zh, kind en, kind zh, base price USD, cartons)
_MODELS = [
    ("SOF", "Harlow", "哈洛", "3-Seat Linen Sofa", "三人位亚麻沙发", 1299, 2),
    ("SOF", "Marlowe", "马洛", "Velvet Loveseat", "丝绒双人沙发", 899, 1),
    ("SEC", "Bellamy", "贝拉米", "L-Shaped Sectional Sofa", "L形转角沙发", 2199, 4),
    ("SEC", "Sutton", "萨顿", "Modular Sectional, 5 Pieces", "五件组合模块沙发", 2899, 4),
    ("BED", "Avery", "艾弗里", "Upholstered Queen Bed Frame", "软包大床床架", 749, 3),
    ("BED", "Linden", "林登", "Solid Oak King Platform Bed", "实木橡木特大床", 1399, 3),
    ("DRS", "Camden", "卡姆登", "6-Drawer Walnut Dresser", "胡桃木六斗柜", 989, 2),
    ("DRS", "Ellis", "埃利斯", "Rattan Chest of Drawers", "藤编抽屉柜", 649, 1),
    ("DIN", "Porter", "波特", "Extendable Dining Table", "可伸缩餐桌", 1149, 2),
    ("DIN", "Wren", "雷恩", "Round Marble Dining Table", "圆形大理石餐桌", 1599, 3),
    ("CHR", "Holloway", "霍洛威", "Dining Chairs, Set of 2", "餐椅两把装", 329, 1),
    ("CHR", "Otis", "奥蒂斯", "Boucle Accent Chair", "羊羔绒休闲椅", 549, 1),
    ("BKC", "Reade", "里德", "5-Tier Ladder Bookcase", "五层梯形书架", 279, 1),
    ("BKC", "Thornton", "桑顿", "Glass-Door Display Cabinet", "玻璃门展示柜", 899, 2),
    ("WRD", "Ashford", "阿什福德", "3-Door Wardrobe with Mirror", "带镜三门衣柜", 1249, 4),
    ("DSK", "Keller", "凯勒", "Standing Desk, 160 cm", "160厘米升降书桌", 689, 2),
    ("DSK", "Fenwick", "芬威克", "Writing Desk with Drawer", "带抽屉写字台", 389, 1),
    ("TVS", "Lowry", "劳里", "Media Console, 180 cm", "180厘米电视柜", 599, 2),
    ("CTB", "Juno", "朱诺", "Travertine Coffee Table", "洞石茶几", 799, 1),
    ("NTS", "Pippa", "皮帕", "Bedside Table, Set of 2", "床头柜两件装", 349, 1),
]
_FINISHES = [
    ("Oatmeal", "燕麦色"),
    ("Charcoal", "炭灰色"),
    ("Sage", "鼠尾草绿"),
    ("Natural Oak", "原橡木色"),
    ("Walnut", "胡桃木色"),
    ("Ivory", "象牙白"),
    ("Navy", "藏青色"),
    ("Terracotta", "陶土色"),
]

CUSTOMIZATIONS = [
    "engraving: 'J & M 2024'",
    "custom width 212 cm",
    "custom fabric: client-supplied linen",
    "engraving: 'Casa Liu'",
    "custom height 78 cm",
]


def build_catalogue() -> tuple[Product, ...]:
    """Every model in every finish, with prices spread by finish."""
    products = []
    for number, (code, model_en, model_zh, kind_en, kind_zh, price, cartons) in enumerate(
        _MODELS, start=1
    ):
        for shade, (finish_en, finish_zh) in enumerate(_FINISHES):
            products.append(
                Product(
                    sku=f"LVN-{code}-{number:02d}{shade:02d}",
                    name_en=f"{model_en} {kind_en}, {finish_en}",
                    name_zh=f"{model_zh} {kind_zh} {finish_zh}",
                    price_cents=(price + 20 * (shade % 3)) * 100,
                    cartons=cartons,
                )
            )
    return tuple(products)
