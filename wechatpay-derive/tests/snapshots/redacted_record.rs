#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications)]
const _: () = {
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay::request::Validate for Buyer {
        fn validate_into(&self, __checker: &mut ::wechatpay::request::Checker<'_>) {
            #[allow(unused_imports)]
            use ::wechatpay::request::__private::{NeverAbsent as _, NotARecord as _};
            ::wechatpay::request::__private::RecordProbe::<
                Vec<Contact>,
            >::validate_into(
                &self.contacts,
                &mut ::wechatpay::request::Checker::field(__checker, "contacts"),
            );
        }
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay::request::EncryptFields for Buyer {
        const HAS_ENCRYPTED_FIELDS: ::core::primitive::bool = true;
        fn encrypt_fields(
            &self,
            __encryptor: &::wechatpay::request::__private::FieldEncryptor,
        ) -> ::core::result::Result<Self, ::wechatpay::request::__private::CryptoError> {
            #[allow(unused_imports)]
            use ::wechatpay::request::__private::NotARecord as _;
            ::core::result::Result::Ok(Self {
                tel: ::wechatpay::request::EncryptValue::encrypt_value(
                    &self.tel,
                    __encryptor,
                )?,
                address: ::wechatpay::request::__private::CopyField::<
                    __WECHAT_FIELD_1_HOLDS_RECORDS,
                >::copy(&self.address)?,
                contacts: ::wechatpay::request::__private::RecordProbe::<
                    Vec<Contact>,
                >::encrypt_fields(&self.contacts, __encryptor)?,
                tags: ::wechatpay::request::__private::CopyField::<
                    __WECHAT_FIELD_3_HOLDS_RECORDS,
                >::copy(&self.tags)?,
            })
        }
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay::request::Describe for Buyer {
        const FIELDS: &'static [::wechatpay::request::FieldInfo] = &[
            ::wechatpay::request::FieldInfo {
                name: "tel",
                place: ::wechatpay::request::Place::Body,
                required: true,
                encrypted: true,
                redacted: false,
                list: false,
                rules: &[],
                doc: "",
                nested: ::core::option::Option::None,
            },
            ::wechatpay::request::FieldInfo {
                name: "address",
                place: ::wechatpay::request::Place::Body,
                required: true,
                encrypted: false,
                redacted: true,
                list: false,
                rules: &[],
                doc: "",
                nested: ::core::option::Option::None,
            },
            ::wechatpay::request::FieldInfo {
                name: "contacts",
                place: ::wechatpay::request::Place::Body,
                required: true,
                encrypted: false,
                redacted: false,
                list: true,
                rules: &[],
                doc: "",
                nested: ::core::option::Option::Some({
                    #[allow(unused_imports)]
                    use ::wechatpay::request::__private::NotARecord as _;
                    ::wechatpay::request::__private::RecordProbe::<Vec<Contact>>::FIELDS
                }),
            },
            ::wechatpay::request::FieldInfo {
                name: "tags",
                place: ::wechatpay::request::Place::Body,
                required: true,
                encrypted: false,
                redacted: false,
                list: false,
                rules: &[],
                doc: "",
                nested: ::core::option::Option::None,
            },
        ];
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay::request::__private::HoldsRecords for Buyer {}
    const _: fn(&Redacted<String>) -> &dyn ::wechatpay::request::RedactValue = |value| {
        &*value
    };
    const __WECHAT_FIELD_1_IS_RECORD: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay::request::__private::NotARecord as _;
        ::wechatpay::request::__private::RecordProbe::<Redacted<String>>::IS_RECORD
    };
    const __WECHAT_FIELD_1_HOLDS_RECORDS: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay::request::__private::NotARecord as _;
        ::wechatpay::request::__private::RecordProbe::<Redacted<String>>::IS_RECORD
            || ::wechatpay::request::__private::RecordProbe::<
                Redacted<String>,
            >::HOLDS_RECORDS
    };
    const _: () = if __WECHAT_FIELD_1_IS_RECORD {
        ::core::panic!(
            "this field holds WeChat Pay records but is not marked `#[wechat(nested)]`, so their rules and encrypted fields would not apply: mark it `#[wechat(nested)]`"
        )
    };
    const _: () = if __WECHAT_FIELD_1_HOLDS_RECORDS && !__WECHAT_FIELD_1_IS_RECORD {
        ::core::panic!(
            "this field holds WeChat Pay records in a container `nested` does not support (an array, a map, an `Arc`, a tuple, …): hold them in a Vec, Option or Box of the record, and mark the field `#[wechat(nested)]`"
        )
    };
    const _: ::core::primitive::bool = <Vec<
        Contact,
    > as ::wechatpay::request::EncryptFields>::HAS_ENCRYPTED_FIELDS;
    const __WECHAT_FIELD_3_IS_RECORD: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay::request::__private::NotARecord as _;
        ::wechatpay::request::__private::RecordProbe::<
            BTreeMap<String, (u32, Tag)>,
        >::IS_RECORD
    };
    const __WECHAT_FIELD_3_HOLDS_RECORDS: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay::request::__private::NotARecord as _;
        ::wechatpay::request::__private::RecordProbe::<
            BTreeMap<String, (u32, Tag)>,
        >::IS_RECORD
            || ::wechatpay::request::__private::RecordProbe::<
                BTreeMap<String, (u32, Tag)>,
            >::HOLDS_RECORDS
            || ::wechatpay::request::__private::RecordProbe::<Tag>::IS_RECORD
            || ::wechatpay::request::__private::RecordProbe::<Tag>::HOLDS_RECORDS
    };
    const _: () = if __WECHAT_FIELD_3_IS_RECORD {
        ::core::panic!(
            "this field holds WeChat Pay records but is not marked `#[wechat(nested)]`, so their rules and encrypted fields would not apply: mark it `#[wechat(nested)]`"
        )
    };
    const _: () = if __WECHAT_FIELD_3_HOLDS_RECORDS && !__WECHAT_FIELD_3_IS_RECORD {
        ::core::panic!(
            "this field holds WeChat Pay records in a container `nested` does not support (an array, a map, an `Arc`, a tuple, …): hold them in a Vec, Option or Box of the record, and mark the field `#[wechat(nested)]`"
        )
    };
};
