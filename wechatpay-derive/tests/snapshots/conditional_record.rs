#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications)]
const _: () = {
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::Validate for Seller {
        fn validate_into(
            &self,
            __checker: &mut ::wechatpay_apiv3::request::Checker<'_>,
        ) {
            ::wechatpay_apiv3::request::Checker::required(
                __checker,
                "uniscid",
                &self.uniscid,
            );
            ::wechatpay_apiv3::request::Checker::uscc(
                __checker,
                "uniscid",
                &self.uniscid,
            );
            if ::wechatpay_apiv3::request::Matches::matches(
                &IdType::IdCard,
                &self.id_type,
            ) {
                ::wechatpay_apiv3::request::Checker::required_if(
                    __checker,
                    "id_no",
                    &self.id_no,
                    "id_type",
                    "IdType::IdCard",
                );
            }
            ::wechatpay_apiv3::request::Checker::length(
                __checker,
                "id_no",
                &self.id_no,
                ::core::option::Option::None,
                ::core::option::Option::Some(64usize),
            );
            if ::wechatpay_apiv3::request::Matches::matches(
                &IdType::IdCard,
                &self.id_type,
            ) {
                ::wechatpay_apiv3::request::Checker::resident_id(
                    __checker,
                    "id_no",
                    &self.id_no,
                );
            }
            ::wechatpay_apiv3::request::Checker::resident_id(
                __checker,
                "legalId",
                &self.legal_id,
            );
        }
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::EncryptFields for Seller {
        const HAS_ENCRYPTED_FIELDS: ::core::primitive::bool = true;
        fn encrypt_fields(
            &self,
            __encryptor: &::wechatpay_apiv3::request::__private::FieldEncryptor,
        ) -> ::core::result::Result<
            Self,
            ::wechatpay_apiv3::request::__private::CryptoError,
        > {
            ::core::result::Result::Ok(Self {
                uniscid: ::core::clone::Clone::clone(&self.uniscid),
                id_type: <Option<
                    IdType,
                > as ::wechatpay_apiv3::request::__private::CopyField<
                    { __WECHAT_FIELD_1_HOLDS_RECORDS },
                >>::wechat_copy_field(&self.id_type)?,
                id_no: ::wechatpay_apiv3::request::EncryptValue::encrypt_value(
                    &self.id_no,
                    __encryptor,
                )?,
                legal_id: <Redacted<
                    String,
                > as ::wechatpay_apiv3::request::__private::CopyField<
                    { __WECHAT_FIELD_3_HOLDS_RECORDS },
                >>::wechat_copy_field(&self.legal_id)?,
                tags: ::core::clone::Clone::clone(&self.tags),
                note: ::core::clone::Clone::clone(&self.note),
            })
        }
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::Describe for Seller {
        const FIELDS: &'static [::wechatpay_apiv3::request::FieldInfo] = &[
            ::wechatpay_apiv3::request::FieldInfo {
                name: "uniscid",
                place: ::wechatpay_apiv3::request::Place::Body,
                required: true,
                encrypted: false,
                redacted: false,
                list: false,
                rules: &[::wechatpay_apiv3::request::Rule::Uscc],
                doc: "Unified social credit code (统一社会信用代码).",
                nested: ::core::option::Option::None,
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "id_type",
                place: ::wechatpay_apiv3::request::Place::Body,
                required: false,
                encrypted: false,
                redacted: false,
                list: false,
                rules: &[],
                doc: "Kind of identity document.",
                nested: ::core::option::Option::None,
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "id_no",
                place: ::wechatpay_apiv3::request::Place::Body,
                required: false,
                encrypted: true,
                redacted: false,
                list: false,
                rules: &[
                    ::wechatpay_apiv3::request::Rule::RequiredIf {
                        field: "id_type",
                        value: "IdType::IdCard",
                    },
                    ::wechatpay_apiv3::request::Rule::Length {
                        min: ::core::option::Option::None,
                        max: ::core::option::Option::Some(64usize),
                    },
                    ::wechatpay_apiv3::request::Rule::When {
                        field: "id_type",
                        value: "IdType::IdCard",
                        then: &::wechatpay_apiv3::request::Rule::ResidentId,
                    },
                ],
                doc: "Identity document number, encrypted.",
                nested: ::core::option::Option::None,
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "legalId",
                place: ::wechatpay_apiv3::request::Place::Body,
                required: true,
                encrypted: false,
                redacted: false,
                list: false,
                rules: &[::wechatpay_apiv3::request::Rule::ResidentId],
                doc: "",
                nested: ::core::option::Option::None,
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "tags",
                place: ::wechatpay_apiv3::request::Place::Body,
                required: false,
                encrypted: false,
                redacted: false,
                list: true,
                rules: &[],
                doc: "",
                nested: ::core::option::Option::None,
            },
        ];
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::__private::HoldsRecords for Seller {}
    const __WECHAT_FIELD_1_IS_RECORD: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay_apiv3::request::__private::NotARecord as _;
        ::wechatpay_apiv3::request::__private::RecordProbe::<Option<IdType>>::IS_RECORD
    };
    const __WECHAT_FIELD_1_HOLDS_RECORDS: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay_apiv3::request::__private::NotARecord as _;
        ::wechatpay_apiv3::request::__private::RecordProbe::<Option<IdType>>::IS_RECORD
            || ::wechatpay_apiv3::request::__private::RecordProbe::<
                Option<IdType>,
            >::HOLDS_RECORDS
            || ::wechatpay_apiv3::request::__private::RecordProbe::<IdType>::IS_RECORD
            || ::wechatpay_apiv3::request::__private::RecordProbe::<
                IdType,
            >::HOLDS_RECORDS
    };
    const _: () = <Option<
        IdType,
    > as ::wechatpay_apiv3::request::__private::PlainField<
        { __WECHAT_FIELD_1_IS_RECORD },
    >>::WECHAT_PLAIN_FIELD;
    const _: () = <Option<
        IdType,
    > as ::wechatpay_apiv3::request::__private::PlainFieldContents<
        { __WECHAT_FIELD_1_HOLDS_RECORDS && !__WECHAT_FIELD_1_IS_RECORD },
    >>::WECHAT_PLAIN_FIELD_CONTENTS;
    const __WECHAT_FIELD_3_IS_RECORD: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay_apiv3::request::__private::NotARecord as _;
        ::wechatpay_apiv3::request::__private::RecordProbe::<Redacted<String>>::IS_RECORD
    };
    const __WECHAT_FIELD_3_HOLDS_RECORDS: ::core::primitive::bool = {
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
        { __WECHAT_FIELD_3_IS_RECORD },
    >>::WECHAT_PLAIN_FIELD;
    const _: () = <Redacted<
        String,
    > as ::wechatpay_apiv3::request::__private::PlainFieldContents<
        { __WECHAT_FIELD_3_HOLDS_RECORDS && !__WECHAT_FIELD_3_IS_RECORD },
    >>::WECHAT_PLAIN_FIELD_CONTENTS;
};
