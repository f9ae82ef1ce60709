/// Tolk's version, as `tolk --version` prints it.
public enum TolkVersion {
    public static let current = "0.11.0"
}
