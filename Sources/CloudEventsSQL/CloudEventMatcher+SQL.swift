public import CloudEvents

// A compiled expression and a subscription filter are what receivers filter with.
extension CESQLExpression: CloudEventMatcher {}
extension SubscriptionFilter: CloudEventMatcher {}
