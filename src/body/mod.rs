//! Request bodies for PortOne's REST API on the merchant's server: recurring payment (`again`),
//! schedule and cancel, as JSON and as `application/x-www-form-urlencoded`.
