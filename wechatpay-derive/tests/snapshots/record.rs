#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications)]
const _: () = {
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::Validate for Qualification {
        fn validate_into(
            &self,
            __checker: &mut ::wechatpay_apiv3::request::Checker<'_>,
        ) {
            ::wechatpay_apiv3::request::Checker::required(__checker, "name", &self.name);
            ::wechatpay_apiv3::request::Checker::digits(
                __checker,
                "tel",
                &self.tel,
                &[13usize, 14usize],
            );
        }
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::EncryptFields for Qualification {
        const HAS_ENCRYPTED_FIELDS: ::core::primitive::bool = true;
        fn encrypt_fields(
            &self,
            __encryptor: &::wechatpay_apiv3::request::__private::FieldEncryptor,
        ) -> ::core::result::Result<
            Self,
            ::wechatpay_apiv3::request::__private::CryptoError,
        > {
            ::core::result::Result::Ok(Self {
                name: ::wechatpay_apiv3::request::EncryptValue::encrypt_value(
                    &self.name,
                    __encryptor,
                )?,
                tel: ::wechatpay_apiv3::request::EncryptValue::encrypt_value(
                    &self.tel,
                    __encryptor,
                )?,
            })
        }
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::Describe for Qualification {
        const FIELDS: &'static [::wechatpay_apiv3::request::FieldInfo] = &[
            ::wechatpay_apiv3::request::FieldInfo {
                name: "name",
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
                name: "tel",
                place: ::wechatpay_apiv3::request::Place::Body,
                required: false,
                encrypted: true,
                redacted: false,
                list: false,
                rules: &[
                    ::wechatpay_apiv3::request::Rule::Digits {
                        counts: &[13usize, 14usize],
                    },
                ],
                doc: "",
                nested: ::core::option::Option::None,
            },
        ];
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay_apiv3::request::__private::HoldsRecords for Qualification {}
};
