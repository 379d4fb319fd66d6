//! The values every Jiangsu endpoint shares: categories, region codes, document types and the
//! states the answers report. Enum variants carry the exact wire value and its meaning as the
//! OpenAPI descriptions give it.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::request::Present;

/// The consumer-goods category (消费品类 ID), sent as a JSON number 1–17. Any other number is
/// refused when deserializing, in requests and answers alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ApplianceId {
    /// `1`: TV (电视机).
    Tv = 1,
    /// `2`: refrigerator (电冰箱).
    Refrigerator = 2,
    /// `3`: washing machine (洗衣机).
    WashingMachine = 3,
    /// `4`: air conditioner (空调).
    AirConditioner = 4,
    /// `5`: computer (电脑); `pc_type` is then required.
    Computer = 5,
    /// `6`: water heater (热水器).
    WaterHeater = 6,
    /// `7`: range hood (吸油烟机).
    RangeHood = 7,
    /// `8`: household stove (家用灶具).
    Stove = 8,
    /// `9`: a second air conditioner (空调2).
    AirConditioner2 = 9,
    /// `10`: a third air conditioner (空调3).
    AirConditioner3 = 10,
    /// `11`: microwave oven (微波炉).
    Microwave = 11,
    /// `12`: water purifier (净水器).
    WaterPurifier = 12,
    /// `13`: dishwasher (洗碗机).
    Dishwasher = 13,
    /// `14`: rice cooker (电饭煲).
    RiceCooker = 14,
    /// `15`: mobile phone (手机).
    MobilePhone = 15,
    /// `16`: tablet (平板).
    Tablet = 16,
    /// `17`: smart watch or band (智能手表手环).
    SmartWatch = 17,
}

impl ApplianceId {
    const ALL: [Self; 17] = [
        Self::Tv,
        Self::Refrigerator,
        Self::WashingMachine,
        Self::AirConditioner,
        Self::Computer,
        Self::WaterHeater,
        Self::RangeHood,
        Self::Stove,
        Self::AirConditioner2,
        Self::AirConditioner3,
        Self::Microwave,
        Self::WaterPurifier,
        Self::Dishwasher,
        Self::RiceCooker,
        Self::MobilePhone,
        Self::Tablet,
        Self::SmartWatch,
    ];

    /// The number sent.
    pub const fn get(self) -> u8 {
        self as u8
    }
}

/// Why a number is not an [`ApplianceId`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an appliance_id is a category number from 1 to 17, not {0}")]
pub struct InvalidApplianceId(pub u64);

impl TryFrom<u64> for ApplianceId {
    type Error = InvalidApplianceId;

    fn try_from(number: u64) -> Result<Self, InvalidApplianceId> {
        Self::ALL
            .into_iter()
            .find(|id| u64::from(id.get()) == number)
            .ok_or(InvalidApplianceId(number))
    }
}

impl Serialize for ApplianceId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.get())
    }
}

impl<'de> Deserialize<'de> for ApplianceId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = u64::deserialize(deserializer)?;
        Self::try_from(number).map_err(serde::de::Error::custom)
    }
}

/// The region code of the qualification used (使用的资格的地区编码): a 6-digit administrative
/// division code such as `320100` (Nanjing), sent as a JSON **number**. Checked when made and
/// when deserialized: 100000 ..= 999999 (no mainland code starts with 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RegionCode(u32);

/// Why a number is not a [`RegionCode`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a region code is a number of 6 digits, such as 320100, not {0}")]
pub struct InvalidRegionCode(pub u64);

impl RegionCode {
    /// The region `code`, if it has 6 digits.
    pub fn new(code: u32) -> Result<Self, InvalidRegionCode> {
        Self::try_from(u64::from(code))
    }

    /// The number sent.
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u64> for RegionCode {
    type Error = InvalidRegionCode;

    fn try_from(code: u64) -> Result<Self, InvalidRegionCode> {
        match u32::try_from(code) {
            Ok(code @ 100_000..=999_999) => Ok(Self(code)),
            _ => Err(InvalidRegionCode(code)),
        }
    }
}

impl fmt::Display for RegionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for RegionCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.0)
    }
}

impl<'de> Deserialize<'de> for RegionCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = u64::deserialize(deserializer)?;
        Self::try_from(code).map_err(serde::de::Error::custom)
    }
}

/// The buyer's identity document (证件类型).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IdentityDocumentType {
    /// `ID_DOC_TYPE_ID_CARD`: mainland resident ID card (身份证).
    #[serde(rename = "ID_DOC_TYPE_ID_CARD")]
    IdCard,
    /// `ID_DOC_TYPE_MAINLAND_TRAVEL_PERMIT_FOR_HK_MC`: Mainland Travel Permit for Hong Kong and
    /// Macao Residents (回乡证).
    #[serde(rename = "ID_DOC_TYPE_MAINLAND_TRAVEL_PERMIT_FOR_HK_MC")]
    TravelPermitHkMc,
    /// `ID_DOC_TYPE_MAINLAND_TRAVEL_PERMIT_FOR_TW`: Mainland Travel Permit for Taiwan Residents
    /// (台胞证).
    #[serde(rename = "ID_DOC_TYPE_MAINLAND_TRAVEL_PERMIT_FOR_TW")]
    TravelPermitTw,
}

/// Energy-efficiency grade (能效等级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EnergyGrade {
    /// `FIRST_LEVEL`: grade 1 (一级能效).
    #[serde(rename = "FIRST_LEVEL")]
    First,
    /// `SECOND_LEVEL`: grade 2 (二级能效).
    #[serde(rename = "SECOND_LEVEL")]
    Second,
    /// `ENERGY_GRADE_UNKNOWN`: unknown.
    #[serde(rename = "ENERGY_GRADE_UNKNOWN")]
    Unknown,
}

/// Product type (产品类型).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProductType {
    /// `COMMON_PRODUCT`: an ordinary product (普通产品).
    #[serde(rename = "COMMON_PRODUCT")]
    Common,
    /// `AI_PRODUCT`: an AI product (AI产品).
    #[serde(rename = "AI_PRODUCT")]
    Ai,
}

/// Computer type (类型: 台式、笔记本), required when the category is
/// [`ApplianceId::Computer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PcType {
    /// `DESKTOP`: desktop (台式).
    #[serde(rename = "DESKTOP")]
    Desktop,
    /// `LAPTOP`: laptop (笔记本).
    #[serde(rename = "LAPTOP")]
    Laptop,
    /// `COMPUTER_TYPE_UNKNOWN`: unknown.
    #[serde(rename = "COMPUTER_TYPE_UNKNOWN")]
    Unknown,
}

/// A chosen computer type is always given, so that `Option<PcType>` can be `required_if`.
#[diagnostic::do_not_recommend]
impl Present for PcType {
    fn is_present(&self) -> bool {
        true
    }
}

/// Sales channel (销售方式).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SaleModel {
    /// `SALE_MODEL_ONLINE`: online (线上).
    #[serde(rename = "SALE_MODEL_ONLINE")]
    Online,
    /// `SALE_MODEL_OFFLINE`: offline (线下).
    #[serde(rename = "SALE_MODEL_OFFLINE")]
    Offline,
}

/// Category state (品类状态): a sale or a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CateState {
    /// `CATE_STATE_REDEEM`: redeemed (已核销).
    #[serde(rename = "CATE_STATE_REDEEM")]
    Redeem,
    /// `CATE_STATE_REFUND`: returned (已退回).
    #[serde(rename = "CATE_STATE_REFUND")]
    Refund,
}

/// State of a qualification (资格的状态).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QualificationState {
    /// `UNCLAIMED`: not claimed (the qualification does not exist on WeChat Pay's side).
    #[serde(rename = "UNCLAIMED")]
    Unclaimed,
    /// `UNREDEEMED`: claimed, not yet redeemed.
    #[serde(rename = "UNREDEEMED")]
    Unredeemed,
    /// `REDEEMED`: redeemed (已核销).
    #[serde(rename = "REDEEMED")]
    Redeemed,
}

/// Why a qualification counts as unclaimed (区分未领取的原因).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnclaimedReason {
    /// `REASON_CLAIMED_BY_OTHER_REGION`: claimed in another region on WeChat Pay's side;
    /// `claimed_region_name` says which.
    #[serde(rename = "REASON_CLAIMED_BY_OTHER_REGION")]
    ClaimedByOtherRegion,
    /// `REASON_CLAIMED_BY_OTHER_PLATFORM_OR_REGION`: the provincial platform says another region
    /// or platform claimed it (it cannot tell which); its `claimed_region_name` and
    /// `claimed_platform_name` are passed through.
    #[serde(rename = "REASON_CLAIMED_BY_OTHER_PLATFORM_OR_REGION")]
    ClaimedByOtherPlatformOrRegion,
    /// `REASON_UNCLAIMED`: no other platform or region claimed it either.
    #[serde(rename = "REASON_UNCLAIMED")]
    Unclaimed,
    /// `REASON_CLAIMED_BY_OTHER_MODE`: claimed through another way of integrating (`claim_mode`
    /// says which); a mini-program merchant may treat it as claimed by another platform.
    #[serde(rename = "REASON_CLAIMED_BY_OTHER_MODE")]
    ClaimedByOtherMode,
}

/// How a qualification was claimed (区分对接模式).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClaimMode {
    /// `CLAIM_MODE_MINI_PROGRAM`: through WeChat Pay's own entry (the mini program).
    #[serde(rename = "CLAIM_MODE_MINI_PROGRAM")]
    MiniProgram,
    /// `CLAIM_MODE_INTERFACE_PASS_THROUGH`: through a merchant's interface (pass-through mode).
    #[serde(rename = "CLAIM_MODE_INTERFACE_PASS_THROUGH")]
    InterfacePassThrough,
}

/// Collection state (归集状态) of an order or a company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CollectState {
    /// `COLLECT_STATE_NOT_COLLECT`: not collected (未归集).
    #[serde(rename = "COLLECT_STATE_NOT_COLLECT")]
    NotCollected,
    /// `COLLECT_STATE_COLLECTED`: collected (已归集).
    #[serde(rename = "COLLECT_STATE_COLLECTED")]
    Collected,
    /// `COLLECT_STATE_COLLECTION_FAILED`: collection failed (归集失败).
    #[serde(rename = "COLLECT_STATE_COLLECTION_FAILED")]
    CollectionFailed,
}

/// State of an S/N code (状态).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SnCodeState {
    /// `SNCODE_STATE_UNKNOWN`: unknown.
    #[serde(rename = "SNCODE_STATE_UNKNOWN")]
    Unknown,
    /// `SNCODE_STATE_SELLABLE`: may be sold.
    #[serde(rename = "SNCODE_STATE_SELLABLE")]
    Sellable,
    /// `SNCODE_STATE_NOT_SELLABLE`: may not be sold; `not_sellable_reason` says why.
    #[serde(rename = "SNCODE_STATE_NOT_SELLABLE")]
    NotSellable,
}

/// Why an S/N code may not be sold (不可售的原因).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NotSellableReason {
    /// `NOT_SELLABLE_REASON_USED`: already used.
    #[serde(rename = "NOT_SELLABLE_REASON_USED")]
    Used,
    /// `NOT_SELLABLE_REASON_NOT_FOUND`: not found.
    #[serde(rename = "NOT_SELLABLE_REASON_NOT_FOUND")]
    NotFound,
}

/// The kind of orders a day's summary counts (查询的订单类别).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderType {
    /// `ORDER_TYPE_TRANSACTION`: transactions (交易).
    #[serde(rename = "ORDER_TYPE_TRANSACTION")]
    Transaction,
    /// `ORDER_TYPE_APPLIANCE_REDEEM`: appliance redemptions (家电核销).
    #[serde(rename = "ORDER_TYPE_APPLIANCE_REDEEM")]
    ApplianceRedeem,
    /// `ORDER_TYPE_3C_REDEEM`: 3C (digital products) redemptions (3C核销).
    #[serde(rename = "ORDER_TYPE_3C_REDEEM")]
    DigitalRedeem,
    /// `ORDER_TYPE_N_QUALIFICATION_REDEEM`: N-category redemptions (N品类核销).
    #[serde(rename = "ORDER_TYPE_N_QUALIFICATION_REDEEM")]
    NQualificationRedeem,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appliance_ids_are_the_numbers_1_to_17() {
        for (number, id) in (1..=17).zip(ApplianceId::ALL) {
            assert_eq!(serde_json::to_string(&id).unwrap(), number.to_string());
            assert_eq!(serde_json::from_str::<ApplianceId>(&number.to_string()).unwrap(), id);
        }
        assert_eq!(ApplianceId::Computer.get(), 5);
        for bad in ["0", "18", "-1", "1.5", "\"1\"", "256"] {
            assert!(serde_json::from_str::<ApplianceId>(bad).is_err(), "{bad}");
        }
        assert_eq!(ApplianceId::try_from(18), Err(InvalidApplianceId(18)));
    }

    #[test]
    fn region_codes_are_numbers_of_six_digits() {
        let code = RegionCode::new(320100).unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "320100");
        assert_eq!(serde_json::from_str::<RegionCode>("310100").unwrap().get(), 310100);
        assert_eq!(RegionCode::new(99_999), Err(InvalidRegionCode(99_999)));
        assert_eq!(RegionCode::new(1_000_000), Err(InvalidRegionCode(1_000_000)));
        for bad in ["32010", "3201000", "\"320100\"", "-320100", "320100.5", "4294967616"] {
            assert!(serde_json::from_str::<RegionCode>(bad).is_err(), "{bad}");
        }
    }

    fn wire<T: Serialize>(value: T) -> String {
        serde_json::to_value(value).unwrap().as_str().unwrap().to_owned()
    }

    #[test]
    fn enums_use_the_published_wire_values() {
        assert_eq!(wire(IdentityDocumentType::IdCard), "ID_DOC_TYPE_ID_CARD");
        assert_eq!(wire(EnergyGrade::Unknown), "ENERGY_GRADE_UNKNOWN");
        assert_eq!(wire(ProductType::Ai), "AI_PRODUCT");
        assert_eq!(wire(PcType::Laptop), "LAPTOP");
        assert_eq!(wire(SaleModel::Offline), "SALE_MODEL_OFFLINE");
        assert_eq!(wire(CateState::Refund), "CATE_STATE_REFUND");
        assert_eq!(wire(OrderType::DigitalRedeem), "ORDER_TYPE_3C_REDEEM");
        assert_eq!(wire(ClaimMode::InterfacePassThrough), "CLAIM_MODE_INTERFACE_PASS_THROUGH");
        let state: QualificationState = serde_json::from_str(r#""UNREDEEMED""#).unwrap();
        assert_eq!(state, QualificationState::Unredeemed);
        assert!(serde_json::from_str::<QualificationState>(r#""unredeemed""#).is_err());
    }
}
