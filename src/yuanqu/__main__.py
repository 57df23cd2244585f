from yuanqu.cli import main

main()
