# PyInstaller hook for opencc (traditional -> simplified Chinese in the text checks).
#
# Overrides the contrib hook, which collects the whole package: its command-line tools and static
# libraries (clib/bin, clib/lib64, clib/include; ~5 MB) are of no use to the app. What OpenCC
# needs at run time is its C extension (found by the import analysis: `from opencc.clib import
# opencc_clib`) and the configurations and dictionaries in clib/share/opencc.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("opencc", includes=["clib/share/opencc/*"])
hiddenimports = ["opencc.clib.opencc_clib"]
