import CLibFuzzer

/// Starting libFuzzer from a fuzz target's entry point.
///
/// With `-sanitize=fuzzer`, libFuzzer brings its own `main`. But SwiftPM links an executable
/// target with `main` aliased to `<Module>_main` (so that tests can link the module), and with
/// `-parse-as-library` nothing defines that symbol. Each target therefore defines
/// `<Module>_main` with `@_cdecl` and calls ``run(_:_:_:)``, which hands control to
/// libFuzzer's driver exactly as its own `main` would. A toolchain that does not alias `main`
/// simply uses libFuzzer's `main` and never calls this.
public enum LibFuzzer {
    /// The signature of `LLVMFuzzerTestOneInput`.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with the process's arguments; returns its exit status.
    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ testOneInput: TestOneInput
    ) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
    }
}
