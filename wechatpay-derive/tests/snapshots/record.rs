#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications)]
const _: () = {
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay::request::Validate for Qualification {
        fn validate_into(&self, __checker: &mut ::wechatpay::request::Checker<'_>) {
            ::wechatpay::request::Checker::required(__checker, "name", &self.name);
            ::wechatpay::request::Checker::digits(
                __checker,
                "tel",
                &self.tel,
                &[13usize, 14usize],
            );
        }
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay::request::EncryptFields for Qualification {
        const HAS_ENCRYPTED_FIELDS: ::core::primitive::bool = true;
        fn encrypt_fields(
            &self,
            __encryptor: &::wechatpay::request::__private::FieldEncryptor,
        ) -> ::core::result::Result<Self, ::wechatpay::request::__private::CryptoError> {
            ::core::result::Result::Ok(Self {
                name: ::wechatpay::request::EncryptValue::encrypt_value(
                    &self.name,
                    __encryptor,
                )?,
                tel: ::wechatpay::request::EncryptValue::encrypt_value(
                    &self.tel,
                    __encryptor,
                )?,
            })
        }
    }
    #[automatically_derived]
    #[diagnostic::do_not_recommend]
    impl ::wechatpay::request::Describe for Qualification {
        const FIELDS: &'static [::wechatpay::request::FieldInfo] = &[
            ::wechatpay::request::FieldInfo {
                name: "name",
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
                name: "tel",
                place: ::wechatpay::request::Place::Body,
                required: false,
                encrypted: true,
                redacted: false,
                list: false,
                rules: &[
                    ::wechatpay::request::Rule::Digits {
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
    impl ::wechatpay::request::__private::HoldsRecords for Qualification {}
};
