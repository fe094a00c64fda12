namespace Ingest.Core.Decoding;

/// <summary>
/// Recognizes common non-text file formats by their leading magic bytes, so an image or archive dropped
/// into the inbox is rejected as <c>binary</c> with its format named instead of being decoded as garbage.
/// </summary>
internal static class BinarySignatures
{
    private static readonly (string Format, byte[] Magic)[] Signatures =
    [
        ("PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("JPEG image", [0xFF, 0xD8, 0xFF]),
        ("GIF image", "GIF87a"u8.ToArray()),
        ("GIF image", "GIF89a"u8.ToArray()),
        ("PDF document", "%PDF-"u8.ToArray()),
        ("ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
        ("ZIP archive", [0x50, 0x4B, 0x05, 0x06]),
        ("GZIP archive", [0x1F, 0x8B]),
        ("ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
        ("Windows executable", "MZ"u8.ToArray()),
        ("7-Zip archive", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        ("RAR archive", "Rar!\u001A\u0007"u8.ToArray()),
        ("BZIP2 archive", "BZh"u8.ToArray()),
        ("XZ archive", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("Zstandard archive", [0x28, 0xB5, 0x2F, 0xFD]),
        ("BMP image", "BM"u8.ToArray()),
        ("TIFF image", [0x49, 0x49, 0x2A, 0x00]),
        ("TIFF image", [0x4D, 0x4D, 0x00, 0x2A]),
        ("WebAssembly module", [0x00, 0x61, 0x73, 0x6D]),
        ("Java class file", [0xCA, 0xFE, 0xBA, 0xBE]),
        ("Mach-O executable", [0xCF, 0xFA, 0xED, 0xFE]),
        ("SQLite database", "SQLite format 3\0"u8.ToArray()),
        ("OGG media", "OggS"u8.ToArray()),
        ("FLAC audio", "fLaC"u8.ToArray()),
        ("MP3 audio", "ID3"u8.ToArray()),
        ("RIFF media (WAV/AVI/WebP)", "RIFF"u8.ToArray()),
        ("Matroska/WebM media", [0x1A, 0x45, 0xDF, 0xA3]),
        ("OLE2 document (legacy Office)", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
    ];

    /// <summary>The name of the format whose signature starts <paramref name="bytes"/>, or null.</summary>
    /// <remarks>
    /// Two-byte signatures ("MZ", "BM") are also how ordinary words can start ("BMW said…"), so those
    /// only count when a control byte follows soon after; a text file never has one there.
    /// </remarks>
    public static string? Identify(ReadOnlySpan<byte> bytes)
    {
        foreach (var (format, magic) in Signatures)
        {
            if (!bytes.StartsWith(magic))
            {
                continue;
            }
            if (magic.Length <= 3 && !HasControlByteWithin(bytes, 16))
            {
                continue;
            }
            return format;
        }
        // ISO base media (MP4, MOV, HEIC): "ftyp" at offset 4.
        if (bytes.Length >= 12 && bytes.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return "MP4/ISO media";
        }
        return null;
    }

    private static bool HasControlByteWithin(ReadOnlySpan<byte> bytes, int length)
    {
        foreach (var b in bytes[..Math.Min(length, bytes.Length)])
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r') || b >= 0x80)
            {
                return true;
            }
        }
        return false;
    }
}
