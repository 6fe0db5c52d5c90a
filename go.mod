module github.com/annals/annals

go 1.26.8
