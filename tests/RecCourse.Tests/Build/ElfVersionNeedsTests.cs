using System.Text;
using RecCourse.Build;

namespace RecCourse.Tests.Build;

/// <summary>The ELF edit the build applies to TorchSharp's native library (build/ElfVersionNeeds.cs).</summary>
public class ElfVersionNeedsTests
{
    [Fact]
    public void Reads_every_need_with_its_file_and_flags()
    {
        var elf = TinyElf.Build(("libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32"]), ("libc.so.6", ["GLIBC_2.34"]));
        var needs = ElfVersionNeeds.ReadNeeds(elf);
        Assert.Equal(["libstdc++.so.6/GLIBCXX_3.4.30", "libstdc++.so.6/GLIBCXX_3.4.32", "libc.so.6/GLIBC_2.34"],
            needs.Select(n => n.File + "/" + n.Version).ToArray());
        Assert.All(needs, n => Assert.False(n.IsWeak));
    }

    [Fact]
    public void MarkWeak_flags_only_the_named_version_and_changes_no_other_byte()
    {
        var elf = TinyElf.Build(("libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32"]), ("libc.so.6", ["GLIBC_2.34"]));
        var before = (byte[])elf.Clone();
        Assert.True(ElfVersionNeeds.NeedsStrongly(elf, "GLIBCXX_3.4.32"));

        Assert.Equal(1, ElfVersionNeeds.MarkWeak(elf, "GLIBCXX_3.4.32"));

        var needs = ElfVersionNeeds.ReadNeeds(elf);
        Assert.True(needs.Single(n => n.Version == "GLIBCXX_3.4.32").IsWeak);
        Assert.All(needs.Where(n => n.Version != "GLIBCXX_3.4.32"), n => Assert.False(n.IsWeak));
        Assert.False(ElfVersionNeeds.NeedsStrongly(elf, "GLIBCXX_3.4.32"));
        int changed = Enumerable.Range(0, elf.Length).Count(i => elf[i] != before[i]);
        Assert.Equal(1, changed); // one byte of one vna_flags field
        Assert.Equal(0, ElfVersionNeeds.MarkWeak(elf, "GLIBCXX_3.4.32")); // idempotent
    }

    [Fact]
    public void A_missing_version_changes_nothing()
    {
        var elf = TinyElf.Build(("libc.so.6", ["GLIBC_2.34"]));
        var before = (byte[])elf.Clone();
        Assert.Equal(0, ElfVersionNeeds.MarkWeak(elf, "GLIBCXX_3.4.32"));
        Assert.Equal(before, elf);
    }

    [Theory]
    [InlineData("not an ELF file")]
    [InlineData("")]
    public void Rejects_a_file_that_is_not_elf(string text)
    {
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.ReadNeeds(Encoding.ASCII.GetBytes(text.PadRight(70))));
        Assert.Contains("ELF", e.Message);
    }

    [Fact]
    public void Rejects_a_truncated_file_with_a_clear_message()
    {
        var elf = TinyElf.Build(("libstdc++.so.6", ["GLIBCXX_3.4.32"]));
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.ReadNeeds(elf[..(elf.Length - 40)]));
        Assert.Contains("past the end", e.Message);
    }

    [Fact]
    public void Reads_the_versions_a_library_defines()
    {
        var elf = TinyElf.BuildDefinitions("libstdc++.so.6", ["GLIBCXX_3.4", "GLIBCXX_3.4.30"]);
        Assert.Equal(["libstdc++.so.6", "GLIBCXX_3.4", "GLIBCXX_3.4.30"], ElfVersionNeeds.ReadDefinitions(elf));
    }

    [Fact]
    public void The_build_output_copy_of_LibTorchSharp_loads_on_this_host()
    {
        // The test project's own output holds the copy the build handled: either this host's libstdc++
        // defines GLIBCXX_3.4.32 (then the file is as shipped), or the need must have been made weak.
        string lib = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!OperatingSystem.IsLinux()) return; // the ELF step only runs on Linux hosts
        Assert.True(File.Exists(lib), $"{lib} is missing: the TorchSharp-cpu natives were not copied");
        string? host = new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib64/libstdc++.so.6" }.FirstOrDefault(File.Exists);
        Assert.NotNull(host);
        bool hostDefines = ElfVersionNeeds.ReadDefinitions(File.ReadAllBytes(host)).Contains("GLIBCXX_3.4.32");
        var needs = ElfVersionNeeds.ReadNeeds(File.ReadAllBytes(lib));
        Assert.Contains(needs, n => n.File == "libstdc++.so.6");
        if (!hostDefines) Assert.False(ElfVersionNeeds.NeedsStrongly(File.ReadAllBytes(lib), "GLIBCXX_3.4.32"),
            $"{host} lacks GLIBCXX_3.4.32 but {lib} still needs it strongly");
    }

    /// <summary>Writes minimal 64-bit little-endian ELF files with just the sections the reader uses.</summary>
    private static class TinyElf
    {
        public static byte[] Build(params (string File, string[] Versions)[] needs)
        {
            var strtab = new StringTable();
            var body = new List<byte>();
            for (int n = 0; n < needs.Length; n++)
            {
                var (file, versions) = needs[n];
                int fileName = strtab.Add(file);
                bool last = n == needs.Length - 1;
                // Verneed: version, cnt, file, aux, next
                body.AddRange(U16(1)); body.AddRange(U16((ushort)versions.Length)); body.AddRange(U32((uint)fileName));
                body.AddRange(U32(16)); body.AddRange(U32(last ? 0u : (uint)(16 + 16 * versions.Length)));
                for (int k = 0; k < versions.Length; k++)
                {
                    // Vernaux: hash, flags, other, name, next
                    body.AddRange(U32(0x1234)); body.AddRange(U16(0)); body.AddRange(U16((ushort)(2 + k)));
                    body.AddRange(U32((uint)strtab.Add(versions[k]))); body.AddRange(U32(k == versions.Length - 1 ? 0u : 16u));
                }
            }
            return Assemble(0x6ffffffe, body.ToArray(), needs.Length, strtab);
        }

        public static byte[] BuildDefinitions(string soname, string[] versions)
        {
            var strtab = new StringTable();
            var names = new[] { soname }.Concat(versions).ToArray();
            var body = new List<byte>();
            for (int n = 0; n < names.Length; n++)
            {
                // Verdef: version, flags, ndx, cnt, hash, aux, next; then one Verdaux: name, next
                body.AddRange(U16(1)); body.AddRange(U16((ushort)(n == 0 ? 1 : 0))); body.AddRange(U16((ushort)(n + 1)));
                body.AddRange(U16(1)); body.AddRange(U32(0)); body.AddRange(U32(20)); body.AddRange(U32(n == names.Length - 1 ? 0u : 28u));
                body.AddRange(U32((uint)strtab.Add(names[n]))); body.AddRange(U32(0));
            }
            return Assemble(0x6ffffffd, body.ToArray(), names.Length, strtab);
        }

        // Layout: ELF header (64) | section body | strtab | 3 section headers (null, strtab, versions).
        private static byte[] Assemble(uint type, byte[] body, int entries, StringTable strtab)
        {
            var str = strtab.Bytes;
            int bodyOff = 64, strOff = bodyOff + body.Length, shOff = strOff + str.Length;
            var file = new byte[shOff + 3 * 64];
            file[0] = 0x7f; file[1] = (byte)'E'; file[2] = (byte)'L'; file[3] = (byte)'F'; file[4] = 2; file[5] = 1; file[6] = 1;
            Put(file, 0x28, U64((ulong)shOff)); Put(file, 0x3A, U16(64)); Put(file, 0x3C, U16(3)); Put(file, 0x3E, U16(0));
            body.CopyTo(file, bodyOff); str.CopyTo(file, strOff);
            Section(file, shOff + 64, 3, strOff, str.Length, 0, 0);           // [1] .dynstr
            Section(file, shOff + 128, type, bodyOff, body.Length, 1, entries); // [2] versions, linked to [1]
            return file;
        }

        private static void Section(byte[] f, int at, uint type, int offset, int size, int link, int info)
        {
            Put(f, at + 4, U32(type)); Put(f, at + 0x18, U64((ulong)offset)); Put(f, at + 0x20, U64((ulong)size));
            Put(f, at + 0x28, U32((uint)link)); Put(f, at + 0x2C, U32((uint)info));
        }

        private static void Put(byte[] f, int at, byte[] v) => v.CopyTo(f, at);
        private static byte[] U16(ushort v) => BitConverter.GetBytes(v);
        private static byte[] U32(uint v) => BitConverter.GetBytes(v);
        private static byte[] U64(ulong v) => BitConverter.GetBytes(v);

        private sealed class StringTable
        {
            private readonly List<byte> bytes = [0];
            public byte[] Bytes => bytes.ToArray();
            public int Add(string s)
            {
                int at = bytes.Count;
                bytes.AddRange(Encoding.ASCII.GetBytes(s)); bytes.Add(0);
                return at;
            }
        }
    }
}
