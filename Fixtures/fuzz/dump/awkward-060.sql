--
-- Data for Name: lookalike; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.lookalike (line) FROM stdin;
