import Testing

@Suite("cloudevents send: usage errors")
struct SendUsageTests {
    #if AsyncHTTPClient
        @Test(
            "a malformed --ext or --time is a usage error of send: the reason, then send's usage, exit 64",
            arguments: [
                (["--ext", "retrycount:integer=1.5"], "--ext retrycount: '1.5' is not a valid Integer"),
                (["--ext", "a=1", "--ext", "a=2"], "--ext a is given more than once"),
                (["--time", "yesterday"], "--time 'yesterday' is not an RFC 3339 timestamp"),
            ])
        func malformedOption(options: [String], reason: String) async throws {
            // Nothing is sent: the options are refused before the URL is contacted.
            let result = try await runTool(["send", "http://127.0.0.1:1/", "--source", "/s", "--type", "t"] + options)
            #expect(result.status == 64)
            #expect(result.error.contains(reason), "\(result.error)")
            #expect(result.error.contains("Usage: cloudevents send "), "\(result.error)")
            #expect(!result.error.contains("SUBCOMMANDS"))
        }
    #endif
}
