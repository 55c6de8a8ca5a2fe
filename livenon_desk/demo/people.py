"""Names and places for demo customers: the United States, China, Canada, the UK."""

from __future__ import annotations

US_FIRST = [
    "Emily",
    "Michael",
    "Sarah",
    "David",
    "Jessica",
    "James",
    "Ashley",
    "Robert",
    "Olivia",
    "Daniel",
    "Sophia",
    "Matthew",
    "Grace",
    "Andrew",
    "Hannah",
    "Joshua",
    "Chloe",
    "Ethan",
    "Maria",
    "Carlos",
    "Aisha",
    "Kevin",
    "Priya",
    "Lauren",
]
US_LAST = [
    "Carter",
    "Nguyen",
    "Johnson",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Anderson",
    "Thomas",
    "Moore",
    "Jackson",
    "Lee",
    "Walker",
    "Hall",
    "Young",
    "King",
    "Patel",
    "Brooks",
    "Bennett",
    "Foster",
    "Reyes",
    "Sullivan",
    "Hughes",
]
ZH_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "林", "何"]
ZH_SURNAMES_PINYIN = {
    "王": "wang",
    "李": "li",
    "张": "zhang",
    "刘": "liu",
    "陈": "chen",
    "杨": "yang",
    "黄": "huang",
    "赵": "zhao",
    "吴": "wu",
    "周": "zhou",
    "徐": "xu",
    "孙": "sun",
    "林": "lin",
    "何": "he",
}
ZH_GIVEN = [
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("磊", "lei"),
    ("洋", "yang"),
    ("婷", "ting"),
    ("晓明", "xiaoming"),
    ("思远", "siyuan"),
    ("雨桐", "yutong"),
    ("子涵", "zihan"),
    ("浩然", "haoran"),
    ("欣怡", "xinyi"),
]

# (city, state, zip prefix, area code)
US_CITIES = [
    ("Los Angeles", "CA", "900", "213"),
    ("San Francisco", "CA", "941", "415"),
    ("Seattle", "WA", "981", "206"),
    ("Austin", "TX", "787", "512"),
    ("Chicago", "IL", "606", "312"),
    ("New York", "NY", "100", "212"),
    ("Brooklyn", "NY", "112", "718"),
    ("Miami", "FL", "331", "305"),
    ("Denver", "CO", "802", "303"),
    ("Atlanta", "GA", "303", "404"),
    ("Boston", "MA", "021", "617"),
    ("Portland", "OR", "972", "503"),
    ("Phoenix", "AZ", "850", "602"),
    ("Nashville", "TN", "372", "615"),
]
US_STREETS = [
    "Maple Ave",
    "Oak St",
    "Sunset Blvd",
    "Pine St",
    "Cedar Ln",
    "Elm St",
    "Lakeview Dr",
    "Mission St",
    "Park Ave",
    "Highland Ave",
    "Washington St",
    "Broadway",
]
# (city zh, province zh, postal code)
CN_CITIES = [
    ("上海市", "上海", "200000"),
    ("北京市", "北京", "100000"),
    ("深圳市", "广东省", "518000"),
    ("杭州市", "浙江省", "310000"),
    ("成都市", "四川省", "610000"),
    ("广州市", "广东省", "510000"),
]
CN_STREETS = ["南京西路", "建国路", "深南大道", "文三路", "天府大道", "天河路"]
# (country, city, region, postal code, phone prefix, streets)
OTHER_CITIES = [
    ("CA", "Toronto", "ON", "M5V 2T6", "+1 416", ["King St W", "Queen St E"]),
    ("CA", "Vancouver", "BC", "V6B 1A1", "+1 604", ["Granville St", "Robson St"]),
    ("GB", "London", None, "SW1A 1AA", "+44 20", ["Baker Street", "Kings Road"]),
    ("GB", "Manchester", None, "M1 1AE", "+44 161", ["Deansgate", "Oxford Road"]),
]
EMAIL_DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com"]
CN_EMAIL_DOMAINS = ["example.cn", "example.com.cn"]
