"""A furniture catalogue for demo orders: SKUs, English and Chinese names, prices, cartons.

Every model comes in the finishes its material allows (fabrics for upholstery, wood and
lacquer for case goods). Prices are list prices in US cents and include logistics,
customs and taxes, as Livenon's prices do from 2025.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    sku: str
    name_en: str
    name_zh: str
    price_cents: int
    cartons: int  # boxes the piece ships in, 1-4 (E5: all of them must come back)
    # The piece's shipping weight, all its cartons together (the weight check, issue 17).
    weight_g: int = 0


# Finish id (the last two digits of a SKU), English, Chinese, price step in USD.
_FABRICS = [
    (11, "Oatmeal", "燕麦色", 0),
    (12, "Charcoal", "炭灰色", 0),
    (13, "Sage", "鼠尾草绿", 40),
    (14, "Ivory", "象牙白", 40),
    (15, "Navy", "藏青色", 60),
    (16, "Terracotta", "陶土色", 60),
]
_LEATHERS = [
    (21, "Cognac Leather", "干邑色真皮", 0),
    (22, "Black Leather", "黑色真皮", 0),
    (23, "Tan Leather", "棕褐色真皮", 120),
]
_WOODS = [
    (31, "Natural Oak", "原橡木色", 0),
    (32, "Walnut", "胡桃木色", 60),
    (33, "Black Ash", "黑色白蜡木", 40),
    (34, "White Oak", "白橡木色", 80),
]
_LACQUERS = [
    (41, "Matte White", "哑光白", 0),
    (42, "Matte Black", "哑光黑", 0),
    (43, "Greige", "灰米色", 30),
]

# Category code, model en, model zh, kind en, kind zh, base price USD, cartons, finishes.
_MODELS: list[tuple[str, str, str, str, str, int, int, list[tuple[int, str, str, int]]]] = [
    ("SOF", "Harlow", "哈洛", "3-Seat Linen Sofa", "三人位亚麻沙发", 1299, 2, _FABRICS),
    ("SOF", "Marlowe", "马洛", "Velvet Loveseat", "丝绒双人沙发", 899, 1, _FABRICS),
    (
        "SOF",
        "Calloway",
        "卡洛威",
        "Leather Chesterfield Sofa",
        "真皮切斯特菲尔德沙发",
        2499,
        2,
        _LEATHERS,
    ),
    ("SOF", "Nolan", "诺兰", "Sleeper Sofa, Queen", "大号沙发床", 1599, 3, _FABRICS),
    ("SOF", "Ada", "艾达", "Apartment Sofa, 180 cm", "180厘米公寓沙发", 749, 1, _FABRICS),
    ("SEC", "Bellamy", "贝拉米", "L-Shaped Sectional Sofa", "L形转角沙发", 2199, 4, _FABRICS),
    ("SEC", "Sutton", "萨顿", "Modular Sectional, 5 Pieces", "五件组合模块沙发", 2899, 4, _FABRICS),
    (
        "SEC",
        "Rowan",
        "罗恩",
        "Reversible Chaise Sectional",
        "可换向贵妃位转角沙发",
        1799,
        3,
        _FABRICS,
    ),
    ("SEC", "Carver", "卡佛", "Leather U-Shaped Sectional", "真皮U形转角沙发", 4299, 4, _LEATHERS),
    ("BED", "Avery", "艾弗里", "Upholstered Queen Bed Frame", "软包大号床架", 749, 3, _FABRICS),
    (
        "BED",
        "Linden",
        "林登",
        "Solid Oak King Platform Bed",
        "实木橡木特大号平台床",
        1399,
        3,
        _WOODS,
    ),
    (
        "BED",
        "Sloane",
        "斯隆",
        "Storage Bed with Drawers, Queen",
        "带抽屉储物床(大号)",
        1149,
        4,
        _WOODS,
    ),
    ("BED", "Juniper", "朱尼珀", "Twin Bunk Bed", "单人上下铺床", 689, 3, _LACQUERS),
    ("BED", "Mira", "米拉", "Channel-Tufted King Bed", "竖纹软包特大号床", 1549, 3, _FABRICS),
    ("DRS", "Camden", "卡姆登", "6-Drawer Dresser", "六斗柜", 989, 2, _WOODS),
    ("DRS", "Ellis", "埃利斯", "Rattan Chest of 4 Drawers", "藤编四斗柜", 649, 1, _WOODS),
    ("DRS", "Hollis", "霍利斯", "Tall 5-Drawer Chest", "五斗高柜", 729, 2, _LACQUERS),
    ("DRS", "Vera", "维拉", "Fluted Sideboard, 160 cm", "160厘米凹槽餐边柜", 1099, 2, _WOODS),
    ("DIN", "Porter", "波特", "Extendable Dining Table", "可伸缩餐桌", 1149, 2, _WOODS),
    ("DIN", "Wren", "雷恩", "Round Marble Dining Table", "圆形大理石餐桌", 1599, 3, _LACQUERS),
    (
        "DIN",
        "Bexley",
        "贝克斯利",
        "Farmhouse Trestle Table, 210 cm",
        "210厘米农舍风支架餐桌",
        1349,
        2,
        _WOODS,
    ),
    ("DIN", "Cleo", "克莉奥", "Bistro Table, 80 cm", "80厘米小圆桌", 329, 1, _LACQUERS),
    ("CHR", "Holloway", "霍洛威", "Dining Chairs, Set of 2", "餐椅两把装", 329, 1, _WOODS),
    ("CHR", "Otis", "奥蒂斯", "Boucle Accent Chair", "羊羔绒休闲椅", 549, 1, _FABRICS),
    ("CHR", "Sterling", "斯特林", "Leather Recliner", "真皮躺椅", 1199, 1, _LEATHERS),
    ("CHR", "Paloma", "帕洛玛", "Counter Stools, Set of 2", "吧台凳两把装", 279, 1, _LACQUERS),
    ("CHR", "Ergon", "埃尔贡", "Ergonomic Office Chair", "人体工学办公椅", 459, 1, _FABRICS),
    ("BKC", "Reade", "里德", "5-Tier Ladder Bookcase", "五层梯形书架", 279, 1, _WOODS),
    ("BKC", "Thornton", "桑顿", "Glass-Door Display Cabinet", "玻璃门展示柜", 899, 2, _WOODS),
    (
        "BKC",
        "Atlas",
        "阿特拉斯",
        "Modular Wall Shelving, 3 Bays",
        "三组模块墙面书架",
        1249,
        3,
        _LACQUERS,
    ),
    ("BKC", "Quill", "奎尔", "Cube Bookcase, 4 x 4", "4x4格子书柜", 349, 2, _LACQUERS),
    ("WRD", "Ashford", "阿什福德", "3-Door Wardrobe with Mirror", "带镜三门衣柜", 1249, 4, _WOODS),
    (
        "WRD",
        "Kensley",
        "肯斯利",
        "Sliding-Door Wardrobe, 200 cm",
        "200厘米推拉门衣柜",
        1499,
        4,
        _LACQUERS,
    ),
    ("WRD", "Tate", "泰特", "2-Door Armoire", "双门衣橱", 849, 3, _WOODS),
    ("DSK", "Keller", "凯勒", "Standing Desk, 160 cm", "160厘米升降书桌", 689, 2, _WOODS),
    ("DSK", "Fenwick", "芬威克", "Writing Desk with Drawer", "带抽屉写字台", 389, 1, _WOODS),
    ("DSK", "Corbin", "科尔宾", "L-Shaped Corner Desk", "L形转角书桌", 579, 2, _LACQUERS),
    ("DSK", "Gable", "盖博", "Roll-Top Secretary Desk", "翻盖写字柜", 1049, 2, _WOODS),
    ("TVS", "Lowry", "劳里", "Media Console, 180 cm", "180厘米电视柜", 599, 2, _WOODS),
    (
        "TVS",
        "Dorian",
        "多里安",
        "Floating TV Stand, 200 cm",
        "200厘米悬浮电视柜",
        729,
        2,
        _LACQUERS,
    ),
    ("TVS", "Sierra", "塞拉", "Rattan TV Cabinet, 150 cm", "150厘米藤编电视柜", 649, 1, _WOODS),
    ("CTB", "Juno", "朱诺", "Travertine Coffee Table", "洞石茶几", 799, 1, _LACQUERS),
    ("CTB", "Ember", "恩伯", "Nesting Coffee Tables, Set of 2", "套几两件装", 429, 1, _WOODS),
    ("NTS", "Pippa", "皮帕", "Bedside Tables, Set of 2", "床头柜两件装", 349, 1, _WOODS),
]

CUSTOMIZATIONS = (
    "engraving: 'J & M 2024'",
    "engraving: 'Casa Liu'",
    "engraving: '家和万事兴'",
    "custom width 212 cm",
    "custom width 185 cm",
    "custom height 78 cm",
    "custom depth 95 cm",
    "custom fabric: customer-supplied linen",
)


# A piece's shipping weight by kind, in kg, with 8 kg more for each carton past the first
# (packing): an upholstered sectional weighs what a few people carry, a side chair one.
_KIND_KG = {"SOF": 62, "SEC": 118, "BED": 74, "DIN": 58, "BKC": 66, "WRD": 124, "TVS": 41,
            "CHR": 9, "CTB": 24, "DRS": 57, "DSK": 33, "NTS": 16}


def build_catalogue() -> tuple[Product, ...]:
    """Every model in every finish it comes in, in a fixed order (the generator's seed
    picks from it by position).
    """
    products: list[Product] = []
    for number, (code, model_en, model_zh, kind_en, kind_zh, price, cartons, finishes) in enumerate(
        _MODELS, start=1
    ):
        for finish_id, finish_en, finish_zh, step in finishes:
            products.append(
                Product(
                    sku=f"LVN-{code}-{number:02d}{finish_id:02d}",
                    name_en=f"{model_en} {kind_en}, {finish_en}",
                    name_zh=f"{model_zh} {kind_zh} {finish_zh}",
                    price_cents=(price + step) * 100,
                    cartons=cartons,
                    weight_g=(_KIND_KG[code] + 8 * (cartons - 1)) * 1000,
                )
            )
    return tuple(products)


CATALOGUE: tuple[Product, ...] = build_catalogue()
