--
-- Data for Name: nocols; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.nocols  FROM stdin;


\.


