// Marks one symbol-version need of an ELF shared library weak (VER_FLG_WEAK in .gnu.version_r), so the
// dynamic loader accepts a host whose library lacks that version (it only warns). TorchSharp 0.107's
// libLibTorchSharp.so was linked against GCC 13's libstdc++ and records a need for GLIBCXX_3.4.32
// for one symbol, std::ios_base_library_init, that <iostream> references to pull in stream
// initialisation and that nothing calls; Debian 12's libstdc++ (GCC 12) stops at GLIBCXX_3.4.30.
//
// This file is compiled twice: by MSBuild's RoslynCodeTaskFactory as the task WeakenVersionNeed
// (build/TorchSharp.targets), and into the library tests (RECCOURSE_TESTS defined) for the pure part.
#nullable disable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace RecCourse.Build
{
    /// <summary>One Vernaux entry of .gnu.version_r: a version the library needs from a file.</summary>
    public readonly struct VersionNeed
    {
        public VersionNeed(string file, string version, ushort flags, int flagsOffset)
        {
            File = file; Version = version; Flags = flags; FlagsOffset = flagsOffset;
        }
        public string File { get; }
        public string Version { get; }
        public ushort Flags { get; }
        /// <summary>Byte offset of vna_flags in the file.</summary>
        public int FlagsOffset { get; }
        public bool IsWeak { get { return (Flags & ElfVersionNeeds.VerFlagWeak) != 0; } }
    }

    /// <summary>Reads and edits the GNU symbol-versioning sections of a 64-bit little-endian ELF file.</summary>
    public static class ElfVersionNeeds
    {
        public const ushort VerFlagWeak = 0x2;
        private const uint ShtGnuVerdef = 0x6ffffffd, ShtGnuVerneed = 0x6ffffffe;

        /// <summary>Every version need of <paramref name="elf"/>, in file order.</summary>
        /// <exception cref="InvalidDataException">Not a 64-bit little-endian ELF file, or a section runs past its end.</exception>
        public static List<VersionNeed> ReadNeeds(byte[] elf)
        {
            var result = new List<VersionNeed>();
            foreach (var s in Sections(elf))
            {
                if (s.Type != ShtGnuVerneed) continue;
                var strtab = Section(elf, s.Link);
                int at = Checked(elf, s.Offset, 16);
                for (int n = 0; n < s.Info; n++)
                {
                    ushort cnt = U16(elf, at + 2);
                    string file = CString(elf, strtab.Offset + U32(elf, at + 4));
                    int aux = Checked(elf, at + (int)U32(elf, at + 8), 16);
                    for (int k = 0; k < cnt; k++)
                    {
                        result.Add(new VersionNeed(file, CString(elf, strtab.Offset + U32(elf, aux + 8)), U16(elf, aux + 4), aux + 4));
                        uint nextAux = U32(elf, aux + 12);
                        if (nextAux == 0) break;
                        aux = Checked(elf, aux + (int)nextAux, 16);
                    }
                    uint next = U32(elf, at + 12);
                    if (next == 0) break;
                    at = Checked(elf, at + (int)next, 16);
                }
            }
            return result;
        }

        /// <summary>The version names a library defines (.gnu.version_d), e.g. GLIBCXX_3.4.30 for libstdc++.</summary>
        public static List<string> ReadDefinitions(byte[] elf)
        {
            var result = new List<string>();
            foreach (var s in Sections(elf))
            {
                if (s.Type != ShtGnuVerdef) continue;
                var strtab = Section(elf, s.Link);
                int at = Checked(elf, s.Offset, 20);
                for (int n = 0; n < s.Info; n++)
                {
                    ushort cnt = U16(elf, at + 6);
                    if (cnt > 0)
                    {
                        int aux = Checked(elf, at + (int)U32(elf, at + 12), 8);
                        result.Add(CString(elf, strtab.Offset + U32(elf, aux)));
                    }
                    uint next = U32(elf, at + 16);
                    if (next == 0) break;
                    at = Checked(elf, at + (int)next, 20);
                }
            }
            return result;
        }

        /// <summary>Sets VER_FLG_WEAK on every need of <paramref name="version"/> that is not weak yet.
        /// Returns how many entries changed (0 when none needed it or all were weak already).</summary>
        public static int MarkWeak(byte[] elf, string version)
        {
            int changed = 0;
            foreach (var need in ReadNeeds(elf))
            {
                if (need.Version != version || need.IsWeak) continue;
                ushort flags = (ushort)(need.Flags | VerFlagWeak);
                elf[need.FlagsOffset] = (byte)flags;
                elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
                changed++;
            }
            return changed;
        }

        /// <summary>True when <paramref name="elf"/> needs <paramref name="version"/> without the weak flag.</summary>
        public static bool NeedsStrongly(byte[] elf, string version)
        {
            foreach (var need in ReadNeeds(elf))
                if (need.Version == version && !need.IsWeak) return true;
            return false;
        }

        private struct SectionHeader
        {
            public uint Type; public int Offset; public int Size; public int Link; public int Info;
        }

        private static List<SectionHeader> Sections(byte[] elf)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new InvalidDataException("not an ELF file (no \\x7fELF magic)");
            if (elf[4] != 2 || elf[5] != 1)
                throw new InvalidDataException("only 64-bit little-endian ELF files are supported (class " + elf[4] + ", data " + elf[5] + ")");
            long shoff = (long)U64(elf, 0x28);
            int shentsize = U16(elf, 0x3A), shnum = U16(elf, 0x3C);
            if (shentsize < 64 || shoff < 0 || shoff + (long)shentsize * shnum > elf.Length)
                throw new InvalidDataException("section header table runs past the end of the file");
            var list = new List<SectionHeader>(shnum);
            for (int i = 0; i < shnum; i++)
            {
                int h = (int)shoff + i * shentsize;
                long off = (long)U64(elf, h + 0x18), size = (long)U64(elf, h + 0x20);
                list.Add(new SectionHeader
                {
                    Type = U32(elf, h + 4),
                    Offset = (int)Math.Min(off, int.MaxValue),
                    Size = (int)Math.Min(size, int.MaxValue),
                    Link = (int)U32(elf, h + 0x28),
                    Info = (int)U32(elf, h + 0x2C),
                });
            }
            return list;
        }

        private static SectionHeader Section(byte[] elf, int index)
        {
            var all = Sections(elf);
            if (index < 0 || index >= all.Count) throw new InvalidDataException("section index " + index + " out of range");
            return all[index];
        }

        private static int Checked(byte[] elf, long offset, int size)
        {
            if (offset < 0 || offset + size > elf.Length)
                throw new InvalidDataException("an entry at offset " + offset + " runs past the end of the file (" + elf.Length + " bytes)");
            return (int)offset;
        }

        private static string CString(byte[] elf, long offset)
        {
            Checked(elf, offset, 1);
            int end = (int)offset;
            while (end < elf.Length && elf[end] != 0) end++;
            return Encoding.ASCII.GetString(elf, (int)offset, end - (int)offset);
        }

        private static ushort U16(byte[] b, int o) { Checked(b, o, 2); return (ushort)(b[o] | b[o + 1] << 8); }
        private static uint U32(byte[] b, int o) { Checked(b, o, 4); return (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24); }
        private static ulong U64(byte[] b, int o) { Checked(b, o, 8); return U32(b, o) | (ulong)U32(b, o + 4) << 32; }
    }
}

#if !RECCOURSE_TESTS
namespace RecCourse.Build
{
    using System.Linq;
    using Microsoft.Build.Framework;
    using Microsoft.Build.Utilities;

    /// <summary>
    /// MSBuild task: on a Linux host whose libstdc++ does not define <see cref="Version"/>, marks that
    /// version need weak in each of <see cref="Files"/> (copies in the build output, never the NuGet
    /// cache or a system library). Does nothing elsewhere, or when the host defines the version.
    /// </summary>
    public sealed class WeakenVersionNeed : Task
    {
        [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
        [Required] public string Version { get; set; } = "";
        /// <summary>The libstdc++ to compare with; default: the one this process loaded, else the usual paths.</summary>
        public string HostLibrary { get; set; } = "";
        /// <summary>When set, patched copies go to this folder (the originals stay as they are), and a
        /// stale copy there is removed when the host needs none.</summary>
        public string DestinationFolder { get; set; } = "";
        [Output] public ITaskItem[] Patched { get; set; } = Array.Empty<ITaskItem>();

        public override bool Execute()
        {
            if (!System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Linux)) return true;
            string host = string.IsNullOrEmpty(HostLibrary) ? FindHostLibstdcxx() : HostLibrary;
            if (host != null && File.Exists(host))
            {
                List<string> defined;
                try { defined = ElfVersionNeeds.ReadDefinitions(File.ReadAllBytes(host)); }
                catch (InvalidDataException e) { Log.LogWarning("could not read " + host + ": " + e.Message); defined = new List<string>(); }
                if (defined.Contains(Version))
                {
                    Log.LogMessage(MessageImportance.Low, host + " defines " + Version + ": TorchSharp's native library needs no change.");
                    if (!string.IsNullOrEmpty(DestinationFolder))
                        foreach (var item in Files)
                        {
                            string stale = Path.Combine(DestinationFolder, Path.GetFileName(item.ItemSpec));
                            if (File.Exists(stale)) File.Delete(stale);
                        }
                    return true;
                }
            }
            var patched = new List<ITaskItem>();
            foreach (var item in Files)
            {
                string path = item.GetMetadata("FullPath");
                if (!File.Exists(path)) continue;
                byte[] bytes = File.ReadAllBytes(path);
                int changed;
                try { changed = ElfVersionNeeds.MarkWeak(bytes, Version); }
                catch (InvalidDataException e) { Log.LogError(path + ": " + e.Message); return false; }
                string target = string.IsNullOrEmpty(DestinationFolder) ? path : Path.Combine(DestinationFolder, Path.GetFileName(path));
                if (changed == 0 && target == path) continue;
                if (target != path && File.Exists(target) && File.ReadAllBytes(target).SequenceEqual(bytes)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(target));
                // Write a new file and move it over the old one: if the build output holds a hard link to
                // the NuGet cache, the cache's copy stays untouched.
                string tmp = target + ".weak-tmp";
                File.WriteAllBytes(tmp, bytes);
                if (File.Exists(target)) File.Delete(target);
                File.Move(tmp, target);
                patched.Add(item);
                Log.LogMessage(MessageImportance.High, "RecCourse: marked the " + Version + " need of " + target + " weak ("
                    + (host ?? "no libstdc++.so.6 found") + " does not define it; see README, 'TorchSharp on Debian 12').");
            }
            Patched = patched.ToArray();
            return true;
        }

        private static string FindHostLibstdcxx()
        {
            try
            {
                foreach (var line in File.ReadLines("/proc/self/maps"))
                {
                    int slash = line.IndexOf('/');
                    if (slash >= 0 && line.EndsWith("/libstdc++.so.6", StringComparison.Ordinal)) return line.Substring(slash);
                    if (slash >= 0 && line.Contains("/libstdc++.so.6.")) return line.Substring(slash);
                }
            }
            catch (IOException) { }
            string[] candidates =
            {
                "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
                "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6",
                "/usr/lib/libstdc++.so.6",
            };
            return candidates.FirstOrDefault(File.Exists);
        }
    }
}
#endif
