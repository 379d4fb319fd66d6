#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications)]
const _: () = {
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::Validate for Buyer {
        fn validate_into(
            &self,
            __checker: &mut ::wechatpay_apiv3::request::Checker<'_>,
        ) {
            #[allow(unused_imports)]
            use ::wechatpay_apiv3::request::__private::{
                NeverAbsent as _, NotARecord as _,
            };
            ::wechatpay_apiv3::request::__private::RecordProbe::<
                Vec<Contact>,
            >::validate_into(
                &self.contacts,
                &mut ::wechatpay_apiv3::request::Checker::field(__checker, "contacts"),
            );
        }
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::EncryptFields for Buyer {
        const HAS_ENCRYPTED_FIELDS: ::core::primitive::bool = true;
        fn encrypt_fields(
            &self,
            __encryptor: &::wechatpay_apiv3::request::__private::FieldEncryptor,
        ) -> ::core::result::Result<
            Self,
            ::wechatpay_apiv3::request::__private::CryptoError,
        > {
            #[allow(unused_imports)]
            use ::wechatpay_apiv3::request::__private::NotARecord as _;
            ::core::result::Result::Ok(Self {
                tel: ::wechatpay_apiv3::request::EncryptValue::encrypt_value(
                    &self.tel,
                    __encryptor,
                )?,
                address: <Redacted<
                    String,
                > as ::wechatpay_apiv3::request::__private::CopyField<
                    { __WECHAT_FIELD_1_HOLDS_RECORDS },
                >>::wechat_copy_field(&self.address)?,
                contacts: ::wechatpay_apiv3::request::__private::RecordProbe::<
                    Vec<Contact>,
                >::encrypt_fields(&self.contacts, __encryptor)?,
                tags: <BTreeMap<
                    String,
                    (u32, Tag),
                > as ::wechatpay_apiv3::request::__private::CopyField<
                    { __WECHAT_FIELD_3_HOLDS_RECORDS },
                >>::wechat_copy_field(&self.tags)?,
            })
        }
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::Describe for Buyer {
        const FIELDS: &'static [::wechatpay_apiv3::request::FieldInfo] = &[
            ::wechatpay_apiv3::request::FieldInfo {
                name: "tel",
                place: ::wechatpay_apiv3::request::Place::Body,
                required: true,
                encrypted: true,
                redacted: false,
                list: false,
                rules: &[],
                doc: "",
                nested: ::core::option::Option::None,
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "address",
                place: ::wechatpay_apiv3::request::Place::Body,
                required: true,
                encrypted: false,
                redacted: true,
                list: false,
                rules: &[],
                doc: "",
                nested: ::core::option::Option::None,
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "contacts",
                place: ::wechatpay_apiv3::request::Place::Body,
                required: true,
                encrypted: false,
                redacted: false,
                list: true,
                rules: &[],
                doc: "",
                nested: ::core::option::Option::Some({
                    #[allow(unused_imports)]
                    use ::wechatpay_apiv3::request::__private::NotARecord as _;
                    ::wechatpay_apiv3::request::__private::RecordProbe::<
                        Vec<Contact>,
                    >::FIELDS
                }),
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "tags",
                place: ::wechatpay_apiv3::request::Place::Body,
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
    impl ::wechatpay_apiv3::request::__private::HoldsRecords for Buyer {}
    const _: fn(&Redacted<String>) -> &dyn ::wechatpay_apiv3::request::RedactValue = |
        value|
    &*value;
    const __WECHAT_FIELD_1_IS_RECORD: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay_apiv3::request::__private::NotARecord as _;
        ::wechatpay_apiv3::request::__private::RecordProbe::<Redacted<String>>::IS_RECORD
    };
    const __WECHAT_FIELD_1_HOLDS_RECORDS: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay_apiv3::request::__private::NotARecord as _;
        ::wechatpay_apiv3::request::__private::RecordProbe::<Redacted<String>>::IS_RECORD
            || ::wechatpay_apiv3::request::__private::RecordProbe::<
                Redacted<String>,
            >::HOLDS_RECORDS
    };
    const _: () = <Redacted<
        String,
    > as ::wechatpay_apiv3::request::__private::PlainField<
        { __WECHAT_FIELD_1_IS_RECORD },
    >>::WECHAT_PLAIN_FIELD;
    const _: () = <Redacted<
        String,
    > as ::wechatpay_apiv3::request::__private::PlainFieldContents<
        { __WECHAT_FIELD_1_HOLDS_RECORDS && !__WECHAT_FIELD_1_IS_RECORD },
    >>::WECHAT_PLAIN_FIELD_CONTENTS;
    const _: ::core::primitive::bool = <Vec<
        Contact,
    > as ::wechatpay_apiv3::request::EncryptFields>::HAS_ENCRYPTED_FIELDS;
    const __WECHAT_FIELD_3_IS_RECORD: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay_apiv3::request::__private::NotARecord as _;
        ::wechatpay_apiv3::request::__private::RecordProbe::<
            BTreeMap<String, (u32, Tag)>,
        >::IS_RECORD
    };
    const __WECHAT_FIELD_3_HOLDS_RECORDS: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay_apiv3::request::__private::NotARecord as _;
        ::wechatpay_apiv3::request::__private::RecordProbe::<
            BTreeMap<String, (u32, Tag)>,
        >::IS_RECORD
            || ::wechatpay_apiv3::request::__private::RecordProbe::<
                BTreeMap<String, (u32, Tag)>,
            >::HOLDS_RECORDS
            || ::wechatpay_apiv3::request::__private::RecordProbe::<Tag>::IS_RECORD
            || ::wechatpay_apiv3::request::__private::RecordProbe::<Tag>::HOLDS_RECORDS
    };
    const _: () = <BTreeMap<
        String,
        (u32, Tag),
    > as ::wechatpay_apiv3::request::__private::PlainField<
        { __WECHAT_FIELD_3_IS_RECORD },
    >>::WECHAT_PLAIN_FIELD;
    const _: () = <BTreeMap<
        String,
        (u32, Tag),
    > as ::wechatpay_apiv3::request::__private::PlainFieldContents<
        { __WECHAT_FIELD_3_HOLDS_RECORDS && !__WECHAT_FIELD_3_IS_RECORD },
    >>::WECHAT_PLAIN_FIELD_CONTENTS;
};
