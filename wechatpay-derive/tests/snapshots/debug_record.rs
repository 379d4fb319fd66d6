#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications)]
const _: () = {
    #[automatically_derived]
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
                address: ::core::clone::Clone::clone(&self.address),
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
    impl ::wechatpay::request::__private::HoldsRecords for Buyer {}
    #[automatically_derived]
    impl ::core::fmt::Debug for Buyer {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            #[allow(unused_imports)]
            use ::wechatpay::request::__private::NotARecord as _;
            f.debug_struct("Buyer")
                .field("tel", &::core::format_args!("<redacted>"))
                .field("address", &::core::format_args!("<redacted>"))
                .field(
                    "contacts",
                    ::wechatpay::request::__private::RecordProbe::<
                        Vec<Contact>,
                    >::redacting_debug(&self.contacts),
                )
                .field("tags", &self.tags)
                .finish()
        }
    }
    #[automatically_derived]
    impl ::wechatpay::request::__private::RedactingDebug for Buyer {}
    const _: () = ::wechatpay::request::__private::require_record::<Vec<Contact>>();
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
    const _: () = {
        #[allow(unused_imports)]
        use ::wechatpay::request::__private::NotARecord as _;
        ::core::assert!(
            ! ::wechatpay::request::__private::RecordProbe:: < BTreeMap < String, (u32,
            Tag) > > ::IS_RECORD,
            "field `tags` holds WeChat Pay records: mark it #[wechat(nested)] so that their rules and encrypted fields apply"
        );
        ::core::assert!(
            ! __WECHAT_FIELD_3_HOLDS_RECORDS,
            "field `tags` holds WeChat Pay records in a container `nested` does not support: use a Vec, Option or Box of the record, and mark the field #[wechat(nested)]"
        );
    };
};
