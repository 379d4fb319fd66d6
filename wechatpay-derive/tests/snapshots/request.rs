#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications)]
const _: () = {
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::Validate for QualificationsSync {
        fn validate_into(
            &self,
            __checker: &mut ::wechatpay_apiv3::request::Checker<'_>,
        ) {
            #[allow(unused_imports)]
            use ::wechatpay_apiv3::request::__private::{
                NeverAbsent as _, NotARecord as _,
            };
            ::wechatpay_apiv3::request::__private::PresenceProbe::<
                String,
            >::required(__checker, "sub_mchid", &self.sub_mchid);
            ::wechatpay_apiv3::request::Checker::digits(
                __checker,
                "sub_mchid",
                &self.sub_mchid,
                &[8usize, 9usize, 10usize],
            );
            ::wechatpay_apiv3::request::Checker::one_of(
                __checker,
                "mode",
                &self.mode,
                &["0", "1"],
            );
            ::wechatpay_apiv3::request::Checker::required(
                __checker,
                "req_ssn",
                &self.req_ssn,
            );
            ::wechatpay_apiv3::request::Checker::length(
                __checker,
                "req_ssn",
                &self.req_ssn,
                ::core::option::Option::None,
                ::core::option::Option::Some(64usize),
            );
            ::wechatpay_apiv3::request::Checker::required(
                __checker,
                "certNo",
                &self.cert_no,
            );
            ::wechatpay_apiv3::request::Checker::length(
                __checker,
                "certNo",
                &self.cert_no,
                ::core::option::Option::Some(18usize),
                ::core::option::Option::Some(18usize),
            );
            ::wechatpay_apiv3::request::Checker::required(__checker, "data", &self.data);
            ::wechatpay_apiv3::request::__private::RecordProbe::<
                Vec<Qualification>,
            >::validate_into(
                &self.data,
                &mut ::wechatpay_apiv3::request::Checker::field(__checker, "data"),
            );
            let __rule: fn(&Self, &mut ::wechatpay_apiv3::request::Checker<'_>) = rules::sync;
            __rule(self, __checker);
        }
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::EncryptFields for QualificationsSync {
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
                sub_mchid: ::core::clone::Clone::clone(&self.sub_mchid),
                mode: ::core::clone::Clone::clone(&self.mode),
                req_ssn: ::core::clone::Clone::clone(&self.req_ssn),
                cert_no: ::wechatpay_apiv3::request::EncryptValue::encrypt_value(
                    &self.cert_no,
                    __encryptor,
                )?,
                data: ::wechatpay_apiv3::request::__private::RecordProbe::<
                    Vec<Qualification>,
                >::encrypt_fields(&self.data, __encryptor)?,
                amount: ::core::clone::Clone::clone(&self.amount),
                status: <Status as ::wechatpay_apiv3::request::__private::CopyField<
                    { __WECHAT_FIELD_6_HOLDS_RECORDS },
                >>::wechat_copy_field(&self.status)?,
            })
        }
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::Describe for QualificationsSync {
        const FIELDS: &'static [::wechatpay_apiv3::request::FieldInfo] = &[
            ::wechatpay_apiv3::request::FieldInfo {
                name: "sub_mchid",
                place: ::wechatpay_apiv3::request::Place::Path,
                required: true,
                encrypted: false,
                redacted: false,
                list: false,
                rules: &[
                    ::wechatpay_apiv3::request::Rule::Digits {
                        counts: &[8usize, 9usize, 10usize],
                    },
                ],
                doc: "",
                nested: ::core::option::Option::None,
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "mode",
                place: ::wechatpay_apiv3::request::Place::Query,
                required: false,
                encrypted: false,
                redacted: false,
                list: false,
                rules: &[
                    ::wechatpay_apiv3::request::Rule::OneOf {
                        allowed: &["0", "1"],
                    },
                ],
                doc: "",
                nested: ::core::option::Option::None,
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "req_ssn",
                place: ::wechatpay_apiv3::request::Place::Body,
                required: true,
                encrypted: false,
                redacted: false,
                list: false,
                rules: &[
                    ::wechatpay_apiv3::request::Rule::Length {
                        min: ::core::option::Option::None,
                        max: ::core::option::Option::Some(64usize),
                    },
                ],
                doc: "Request serial number (请求流水号).",
                nested: ::core::option::Option::None,
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "certNo",
                place: ::wechatpay_apiv3::request::Place::Body,
                required: true,
                encrypted: true,
                redacted: false,
                list: false,
                rules: &[
                    ::wechatpay_apiv3::request::Rule::Length {
                        min: ::core::option::Option::Some(18usize),
                        max: ::core::option::Option::Some(18usize),
                    },
                ],
                doc: "",
                nested: ::core::option::Option::None,
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "data",
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
                        Vec<Qualification>,
                    >::FIELDS
                }),
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "amount",
                place: ::wechatpay_apiv3::request::Place::Body,
                required: true,
                encrypted: false,
                redacted: false,
                list: false,
                rules: &[],
                doc: "",
                nested: ::core::option::Option::None,
            },
            ::wechatpay_apiv3::request::FieldInfo {
                name: "status",
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
    impl ::wechatpay_apiv3::request::__private::HoldsRecords for QualificationsSync {}
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::WechatRequest for QualificationsSync {
        type Response = SyncReply;
        const DOC: &'static ::core::primitive::str = "Reports qualifications (核销资格).";
        const METHOD: ::wechatpay_apiv3::request::Method = ::wechatpay_apiv3::request::Method::Post;
        const PATH: &'static ::core::primitive::str = "/v3/gov/subsidy/{sub_mchid}/qualifications";
        const QUERY: &'static [&'static ::core::primitive::str] = &["mode"];
        const IDEMPOTENT: ::core::primitive::bool = false;
        const LOOKUP: ::core::option::Option<&'static ::core::primitive::str> = ::core::option::Option::Some(
            "POST /v3/gov/subsidy/query",
        );
    }
    const _: ::core::primitive::bool = <Vec<
        Qualification,
    > as ::wechatpay_apiv3::request::EncryptFields>::HAS_ENCRYPTED_FIELDS;
    const __WECHAT_FIELD_6_IS_RECORD: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay_apiv3::request::__private::NotARecord as _;
        ::wechatpay_apiv3::request::__private::RecordProbe::<Status>::IS_RECORD
    };
    const __WECHAT_FIELD_6_HOLDS_RECORDS: ::core::primitive::bool = {
        #[allow(unused_imports)]
        use ::wechatpay_apiv3::request::__private::NotARecord as _;
        ::wechatpay_apiv3::request::__private::RecordProbe::<Status>::IS_RECORD
            || ::wechatpay_apiv3::request::__private::RecordProbe::<
                Status,
            >::HOLDS_RECORDS
    };
    const _: () = <Status as ::wechatpay_apiv3::request::__private::PlainField<
        { __WECHAT_FIELD_6_IS_RECORD },
    >>::WECHAT_PLAIN_FIELD;
    const _: () = <Status as ::wechatpay_apiv3::request::__private::PlainFieldContents<
        { __WECHAT_FIELD_6_HOLDS_RECORDS && !__WECHAT_FIELD_6_IS_RECORD },
    >>::WECHAT_PLAIN_FIELD_CONTENTS;
};
